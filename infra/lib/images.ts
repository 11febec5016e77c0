import { IgnoreMode } from 'aws-cdk-lib';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { REPO_ROOT } from './product-config';

/**
 * The two container images, built by `cdk deploy` from the Dockerfiles beside each service. The build context is the
 * repository root narrowed to what a Dockerfile uses (the production jar, for the BFF the SPA's production build, and
 * the demo jar its AppCDS training run bind-mounts, which no layer keeps), so `cdk synth` hashes a few files instead
 * of the whole tree and needs no Docker: assets are only staged and fingerprinted at synth; Docker runs when
 * `cdk deploy` publishes them. Build first: `make build`.
 */
export interface ImageSpec {
  /** Dockerfile path from the repository root. */
  readonly dockerfile: string;
  /** Everything the build context keeps (docker ignore syntax, after an initial `*`). */
  readonly context: string[];
}

export const BFF_IMAGE: ImageSpec = {
  dockerfile: 'bff/Dockerfile',
  context: [
    'bff/Dockerfile',
    'bff/target/bff-0.1.0-SNAPSHOT.jar',
    'ui-angular/dist/ui-angular/browser',
    // Bind-mounted for the AppCDS training run only (its stand-ins); never copied into the image.
    'demo/bff-demo/target/bff-demo-0.1.0-SNAPSHOT.jar',
  ],
};

export const CONNECTOR_IMAGE: ImageSpec = {
  dockerfile: 'emr-connector/Dockerfile',
  context: [
    'emr-connector/Dockerfile',
    'emr-connector/target/emr-connector-0.1.0-SNAPSHOT.jar',
    // Bind-mounted for the AppCDS training run only (a throwaway PostgreSQL); never copied into the image.
    'demo/emr-connector-demo/target/emr-connector-demo-0.1.0-SNAPSHOT.jar',
  ],
};

/** The image asset of a spec (linux/amd64, like the Fargate tasks). */
export function imageAsset(spec: ImageSpec): ecs.ContainerImage {
  return ecs.ContainerImage.fromAsset(REPO_ROOT, {
    file: spec.dockerfile,
    ignoreMode: IgnoreMode.DOCKER,
    exclude: ['*', ...spec.context.map((p) => `!${p}`)],
    platform: Platform.LINUX_AMD64,
  });
}
