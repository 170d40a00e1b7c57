import { CreatePlatformEndpointCommand, DeleteEndpointCommand, type SNSClient } from '@aws-sdk/client-sns';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { deviceIdOf } from '../domain/notifications/device-id';
import type { Device, DeviceRegistry } from '../ports/notifications';
import type { TableClient } from './dynamodb/client';
import { takeBackIfErased } from './dynamodb/erasure-guard';
import { domainOf, queryAll } from './dynamodb/items';
import { deviceKeys } from './dynamodb/keys/device-keys';

/**
 * Push devices: the token becomes an SNS platform endpoint (when a platform application is
 * configured for the platform) and the endpoint is kept with the seeker. Without one (the
 * local runtime), the endpoint is a local name and messages go to the outbox.
 */
export function deviceRegistry(
  table: TableClient,
  sns: { client: SNSClient; applications: Partial<Record<Device['platform'], string>> } | undefined,
): DeviceRegistry {
  const all = async (seekerId: string) =>
    (
      await queryAll(table, {
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :d)',
        ExpressionAttributeValues: { ':pk': `SEEKER#${seekerId}`, ':d': deviceKeys.sortPrefix },
      })
    ).map((item) => domainOf<Device>(item));

  return {
    async register(seekerId, platform, token) {
      const application = sns?.applications[platform];
      if (!sns || !application) return `local:${platform}:${deviceIdOf(token)}`;
      const { EndpointArn } = await sns.client.send(
        new CreatePlatformEndpointCommand({
          PlatformApplicationArn: application,
          Token: token,
          CustomUserData: seekerId,
        }),
      );
      if (!EndpointArn) throw new Error('SNS returned no endpoint');
      return EndpointArn;
    },
    async save(seekerId, device) {
      await table.doc.send(
        new PutCommand({
          TableName: table.tableName,
          Item: { ...deviceKeys.primary(seekerId, device.id), entity: deviceKeys.entity, ...device },
        }),
      );
      await takeBackIfErased(table, seekerId, [deviceKeys.primary(seekerId, device.id)]);
    },
    async forgetAll(seekerId) {
      const devices = await all(seekerId);
      if (!sns) return;
      for (const device of devices.filter((d) => d.endpoint.startsWith('arn:'))) {
        await sns.client.send(new DeleteEndpointCommand({ EndpointArn: device.endpoint }));
      }
    },
    async latest(seekerId) {
      const devices = await all(seekerId);
      return devices.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    },
  };
}
