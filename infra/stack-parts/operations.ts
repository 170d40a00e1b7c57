import { Duration, type Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { BassinFunction, type BassinFunctionProps } from '../function';

/**
 * What operators watch: the alarm topic, an alarm per failure signal, dead-letter queues,
 * and every function (each with its throttling alarm). Like every part of the stack, it
 * creates its resources in the stack's own scope, so their logical ids (and a deployed
 * table, user pool or bucket) stay what they were before the stack was split.
 */
export class Operations {
  readonly alarmTopic: Topic;

  constructor(private readonly stack: Stack) {
    this.alarmTopic = new Topic(stack, 'Alarms', {
      displayName: 'Bassin operations alarms',
      enforceSSL: true,
    });
  }

  alarm(id: string, metric: IMetric, threshold: number) {
    new Alarm(this.stack, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: `Bassin: ${id}`,
    }).addAlarmAction(new SnsAction(this.alarmTopic));
  }

  /** Every function, with an alarm when Lambda throttles it. */
  newFunction(id: string, props: BassinFunctionProps): BassinFunction {
    const fn = new BassinFunction(this.stack, id, props);
    this.alarm(`${id}Throttles`, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), 1);
    return fn;
  }

  /** Where failed events wait to be looked at and re-driven, with an alarm as soon as one arrives. */
  deadLetterQueue(id: string): Queue {
    const queue = new Queue(this.stack, id, {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.alarm(
      `${id}Depth`,
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      1,
    );
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason:
        'This queue is itself where failures land (a DLQ or an on-failure destination): alarmed and re-driven by hand, never dead-lettered again.',
    });
    return queue;
  }
}
