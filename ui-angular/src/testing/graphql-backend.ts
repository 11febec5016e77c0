import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { appConfig } from '../app/app.config';

/**
 * Test wiring: the app's real routes and real Apollo client (links, session handling), with only the HTTP edge
 * replaced by Angular's testing backend, so each test answers the GraphQL requests the page actually sends.
 */
export async function startApp(url: string): Promise<RouterTestingHarness> {
  TestBed.configureTestingModule({
    providers: [...appConfig.providers, provideHttpClientTesting()],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await settle(harness);
  return harness;
}

/** Let Apollo deliver (it answers a macrotask later) and the zoneless change detection render. */
export async function settle(harness?: RouterTestingHarness): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (harness) {
      harness.detectChanges();
      await harness.fixture.whenStable();
    }
  }
}

export interface GraphQLRequestBody {
  operationName: string;
  variables: Record<string, unknown>;
}

/** Answers the one pending request for `operationName` with `data` (or GraphQL errors) and returns its variables. */
export async function answer(
  harness: RouterTestingHarness,
  operationName: string,
  response: { data?: unknown; errorCode?: string },
): Promise<Record<string, unknown>> {
  await settle(harness);
  const http = TestBed.inject(HttpTestingController);
  const request = http.expectOne(
    (req) => req.url === '/graphql' && (req.body as GraphQLRequestBody).operationName === operationName,
    operationName,
  );
  const body = request.request.body as GraphQLRequestBody;
  if (response.errorCode) {
    request.flush({
      data: null,
      errors: [{ message: 'failed', extensions: { code: response.errorCode, retryable: false } }],
    });
  } else {
    request.flush({ data: response.data });
  }
  await settle(harness);
  return body.variables;
}

/** Asserts no GraphQL request is left unanswered. */
export function verifyNoPending(): void {
  TestBed.inject(HttpTestingController).verify();
}

export function text(harness: RouterTestingHarness): string {
  return (harness.routeNativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ') ?? '';
}

export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

export const PRACTICE = {
  __typename: 'Practice',
  hash: 'K7MX4Q',
  name: 'Bright Smiles Dental',
  phone: '(512) 555-0142',
  phoneE164: '+15125550142',
  logoUrl: null,
  timeZone: 'America/Chicago',
  address: { __typename: 'Address', formatted: '120 Main St, Austin, TX 78701' },
};

export function money(cents: number) {
  return { __typename: 'Money', cents, currency: 'USD' };
}

export function charge(id: string, patient: string, date: string, name: string, balance: number, extra: object = {}) {
  return {
    __typename: 'Charge',
    id,
    patientId: `p-${patient}`,
    patientName: patient,
    serviceDate: date,
    procedureName: name,
    providerName: 'Dr. Ruiz',
    locationName: 'Downtown',
    amount: money(balance),
    balance: money(balance),
    status: 'OPEN',
    disputed: false,
    ...extra,
  };
}

export function household(charges: ReturnType<typeof charge>[]) {
  return {
    household: {
      __typename: 'Household',
      guarantorName: 'Maria García',
      practice: PRACTICE,
      balance: money(charges.reduce((sum, c) => sum + c.balance.cents, 0)),
      credit: money(0),
      charges,
    },
  };
}
