import { RemovalPolicy, type Stack, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { tableDesign } from '../../shared/adapters/dynamodb/table-design';

/** The single table (its stream feeds the consumers) and the bucket the timetable import reads. */
export class Data {
  readonly table: TableV2;
  /** The bucket and prefix the scheduled timetable import reads. */
  readonly timetables: { bucket: IBucket; prefix: string };

  constructor(stack: Stack, props: { protect: boolean; timetables?: { bucket?: string; prefix?: string } }) {
    const { protect } = props;
    this.timetables = {
      bucket: props.timetables?.bucket
        ? Bucket.fromBucketName(stack, 'Timetables', props.timetables.bucket)
        : timetablesBucket(stack, protect),
      prefix: props.timetables?.prefix ?? 'gtfs/',
    };
    this.table = new TableV2(stack, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      deletionProtection: protect,
      removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: tableDesign.indexes.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
    });
  }
}

/** A private, encrypted bucket for GTFS zips, when the territory gives none. */
function timetablesBucket(stack: Stack, protect: boolean): IBucket {
  const bucket = new Bucket(stack, 'Timetables', {
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    versioned: true,
    removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    autoDeleteObjects: !protect,
  });
  Validations.of(bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason:
      'Public timetables (open data) uploaded by operators; CloudTrail records who wrote them, access logs would add nothing.',
  });
  return bucket;
}
