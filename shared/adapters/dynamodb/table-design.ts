/**
 * The single table's physical design, read by CDK (infra/stack.ts) and by the local
 * runtime when it creates the table in dynalite, so the two cannot drift apart.
 * Indexes are generic (overloaded): each entity's key module says what it puts in them.
 */
export const tableDesign = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds; DynamoDB TTL in AWS, filtered on read locally (dynalite has no TTL). */
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    { name: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  ],
} as const;

export type IndexName = (typeof tableDesign.indexes)[number]['name'];
/** Attributes that belong to the storage layout, never to the domain object. */
export const keyAttributes = new Set<string>([
  tableDesign.partitionKey,
  tableDesign.sortKey,
  ...tableDesign.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  'entity',
]);
