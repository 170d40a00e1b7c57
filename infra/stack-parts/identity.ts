import { Duration, RemovalPolicy, type Stack, Validations } from 'aws-cdk-lib';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  UserPool,
  UserPoolOperation,
  type UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import { groups } from '../../shared/http/route-contract';
import { resourceServer } from '../../shared/http/scopes';
import type { Operations } from './operations';

/** Who may call the API: the user pool, one group and one OAuth scope per role, the web app's client. */
export class Identity {
  readonly userPool: UserPool;
  private readonly scopes: UserPoolResourceServer;

  constructor(
    private readonly stack: Stack,
    operations: Operations,
    protect: boolean,
  ) {
    this.userPool = new UserPool(stack, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Essentials: access-token customisation (the pre-token trigger that maps groups to scopes).
      featurePlan: FeaturePlan.ESSENTIALS,
      removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is offered (TOTP) but not required: job seekers sign in from shared or basic phones; employer and planner accounts are created by admins, who can require it per user.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is a paid option left to each territory; compromised-credential checks are on in Essentials.',
    });
    for (const group of groups) {
      new CfnUserPoolGroup(stack, `Group-${group}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
      });
    }
    // One OAuth scope per group; a pre-token trigger grants each user the scopes of their groups.
    this.scopes = this.userPool.addResourceServer('ApiScopes', {
      identifier: resourceServer,
      scopes: groups.map(
        (group) => new ResourceServerScope({ scopeName: group, scopeDescription: `Routes for ${group}s` }),
      ),
    });
    const preToken = operations.newFunction('preTokenGeneration', {
      entry: 'functions/auth/pre-token-generation.ts',
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, preToken, LambdaVersion.V2_0);
  }

  /** The hosted sign-in pages and the web app's client (authorization code + PKCE), and the API's authorizer. */
  signIn(appUrls: string[], domainPrefix: string | undefined) {
    const domain = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: domainPrefix ?? `bassin-${this.stack.node.addr.slice(0, 12)}` },
    });
    const client = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [
          OAuthScope.OPENID,
          ...groups.map((group) =>
            OAuthScope.resourceServer(
              this.scopes,
              new ResourceServerScope({ scopeName: group, scopeDescription: group }),
            ),
          ),
        ],
        callbackUrls: appUrls,
        logoutUrls: appUrls,
      },
    });
    const authorizer = new HttpUserPoolAuthorizer('Cognito', this.userPool, { userPoolClients: [client] });
    return { domain, client, authorizer };
  }
}
