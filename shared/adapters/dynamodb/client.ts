import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { requiredSetting } from '../configuration';

export interface TableClient {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

let shared: { base: DynamoDBClient; doc: DynamoDBDocumentClient } | undefined;

/**
 * One client per process, reused across invocations. The endpoint comes from the
 * standard AWS_ENDPOINT_URL_DYNAMODB when set (the local runtime points it at dynalite).
 */
export function sharedDynamoClient(): DynamoDBClient {
  shared ??= createClients();
  return shared.base;
}

export function tableClientFromEnv(): TableClient {
  shared ??= createClients();
  return { doc: shared.doc, tableName: requiredSetting('tableName') };
}

export function documentClient(base: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(base, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

function createClients() {
  const base = new DynamoDBClient({});
  return { base, doc: documentClient(base) };
}
