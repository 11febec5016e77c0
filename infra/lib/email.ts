import { Stack } from 'aws-cdk-lib';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { DeploymentSettings } from './settings';

/**
 * Receipt email through SES v2: a configuration set (TLS required to receiving servers, reputation metrics, bounces
 * and complaints suppressed, events to CloudWatch) and the sending domain's identity with Easy DKIM. The
 * configuration set is the identity's default, so every message the BFF sends uses it without naming it. The DKIM
 * CNAME records (stack outputs) must be published in DNS before SES verifies the domain.
 */
export class Email extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  readonly identity: ses.EmailIdentity;

  constructor(scope: Construct, id: string, props: { settings: DeploymentSettings }) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: `${Stack.of(this).stackName}-receipts`,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('ToCloudWatch', {
      destination: ses.EventDestination.cloudWatchDimensions([
        { name: 'ses:configuration-set', source: ses.CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: 'receipts' },
      ]),
      events: [
        ses.EmailSendingEvent.SEND,
        ses.EmailSendingEvent.DELIVERY,
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.REJECT,
        ses.EmailSendingEvent.RENDERING_FAILURE,
      ],
    });
    this.identity = new ses.EmailIdentity(this, 'Domain', {
      identity: ses.Identity.domain(props.settings.emailDomain),
      configurationSet: this.configurationSet,
      dkimSigning: true,
    });
  }
}
