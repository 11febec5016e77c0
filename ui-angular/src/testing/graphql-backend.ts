import { HttpBackend, HttpEvent, HttpHeaders, HttpRequest, HttpResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { Observable } from 'rxjs';
import { appConfig } from '../app/app.config';
import { requireData } from '../app/core/graphql/errors';
import type { PaymentStatusQuery, StartPaymentMutation } from '../app/core/graphql/generated';
import { createMockApi, type GraphQLBody, type MockApi, type MockOptions } from './mock-api';

export { PRACTICE, money, mockCharge } from './mock-api';

/**
 * The HTTP edge of the page tests: every `/graphql` request the app sends is answered by the one mock API
 * (`mock-api.ts`) a macrotask later (as a network answer would come), with a `Date` header; the session is the
 * mock's cookie. A test can hold an operation's answers to look at a loading state, and release them.
 */
export class MockGraphQLBackend implements HttpBackend {
  private account: string | null = null;
  /** The console's staff cookie (independent of the patient's). */
  private staff: string | null = null;
  private readonly held = new Map<string, (() => void)[]>();

  constructor(readonly api: MockApi) {}

  /** Starts with a signed-in session for `account` (a page opened after sign-in). */
  signedIn(account: string): void {
    this.api.signIn(account);
    this.account = account;
  }

  /** Starts with a signed-in staff session for `email` (a console page opened after sign-in). */
  staffSignedIn(email: string): void {
    this.staff = this.api.console.signInStaff(email);
  }

  /** Holds the answers of `operationName` until the returned function is called. */
  hold(operationName: string): () => void {
    this.held.set(operationName, this.held.get(operationName) ?? []);
    return () => {
      const queue = this.held.get(operationName) ?? [];
      this.held.delete(operationName);
      for (const release of queue) {
        release();
      }
    };
  }

  handle(req: HttpRequest<unknown>): Observable<HttpEvent<unknown>> {
    return new Observable((observer) => {
      const body = (typeof req.body === 'string' ? JSON.parse(req.body) : req.body) as GraphQLBody;
      const send = () => {
        const result = this.api.handle(body, this.account, this.staff);
        this.account = result.account;
        this.staff = result.staff;
        observer.next(
          new HttpResponse({
            body: result.json,
            status: 200,
            url: req.url,
            headers: new HttpHeaders({
              'Content-Type': 'application/json',
              Date: new Date(this.api.now()).toUTCString(),
            }),
          }),
        );
        observer.complete();
      };
      const queue = this.held.get(body.operationName ?? '');
      const timer = setTimeout(() => {
        if (queue) {
          queue.push(send);
        } else {
          send();
        }
      }, 0);
      return () => {
        clearTimeout(timer);
      };
    });
  }
}

export interface App {
  harness: RouterTestingHarness;
  api: MockApi;
  backend: MockGraphQLBackend;
  page: () => HTMLElement;
}

/**
 * The app's real routes, Apollo client (links, session handling) and interceptors, with only the HTTP edge replaced
 * by the mock API. `account` starts the test signed in as that account; `staff` signs that staff email in to the console.
 */
export async function startApp(
  url: string,
  options: MockOptions & { account?: string; staff?: string; providers?: unknown[] } = {},
): Promise<App> {
  const api = createMockApi({ processingPolls: 0, ...options });
  const backend = new MockGraphQLBackend(api);
  if (options.account !== undefined) {
    backend.signedIn(options.account);
    sessionStorage.setItem('pp.signedIn', '1');
  }
  if (options.staff !== undefined) {
    backend.staffSignedIn(options.staff);
  }
  TestBed.configureTestingModule({
    providers: [
      ...appConfig.providers,
      { provide: HttpBackend, useValue: backend },
      ...((options.providers ?? []) as []),
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await settle(harness);
  return { harness, api, backend, page: () => harness.routeNativeElement ?? fail(`No page is routed at ${url}`) };
}

/** Let the mock answer (a macrotask), Apollo deliver (another one) and the zoneless change detection render. */
async function settle(harness?: RouterTestingHarness, rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (harness) {
      harness.detectChanges();
      await harness.fixture.whenStable();
    }
  }
}

/** Waits `ms` of real time (debounces, polling), then settles. */
async function wait(harness: RouterTestingHarness, ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await settle(harness);
}

/** The routed page's text, white space folded. */
function text(harness: RouterTestingHarness): string {
  return (harness.routeNativeElement?.textContent ?? '').replace(/\s+/g, ' ');
}

/** The whole document's text (dialogs and the shell included). */
function documentText(): string {
  return document.body.textContent.replace(/\s+/g, ' ');
}

/** A DOM element class (`HTMLInputElement`, `HTMLButtonElement` …), for `find`'s checked result type. */
type ElementClass<T extends Element> = abstract new () => T;

/**
 * The first element under `root` matching `selector` (`document` for the whole page, dialogs included), checked to be
 * a `type` (default `HTMLElement`). Fails the test with the selector in the message when there is none, instead of a
 * `TypeError` on `null` a line later.
 */
function find(root: ParentNode, selector: string): HTMLElement;
function find<T extends Element>(root: ParentNode, selector: string, type: ElementClass<T>): T;
function find(root: ParentNode, selector: string, type: ElementClass<Element> = HTMLElement): Element {
  const element = root.querySelector(selector);
  if (element === null) {
    throw new Error(`No element matches ${selector}`);
  }
  return checked(element, selector, type);
}

/**
 * The first element under `root` matching `selector` whose text contains `text` (a button or label found by what it
 * says), checked to be a `type` (default `HTMLElement`); fails the test naming both when there is none.
 */
function findByText(root: ParentNode, selector: string, text: string): HTMLElement;
function findByText<T extends Element>(root: ParentNode, selector: string, text: string, type: ElementClass<T>): T;
function findByText(
  root: ParentNode,
  selector: string,
  text: string,
  type: ElementClass<Element> = HTMLElement,
): Element {
  const element = Array.from(root.querySelectorAll(selector)).find((e) => e.textContent.includes(text));
  if (element === undefined) {
    throw new Error(`No ${selector} says “${text}”`);
  }
  return checked(element, selector, type);
}

function checked(element: Element, selector: string, type: ElementClass<Element>): Element {
  const tag = element.tagName.toLowerCase();
  if (!(element instanceof type)) {
    throw new Error(`${selector} is a <${tag}>, not a ${type.name}`);
  }
  return element;
}

/** Throws `message`: for `value ?? fail('…')` where a test needs a value to go on. */
function fail(message: string): never {
  throw new Error(message);
}

/** Types `value` into a text field (the `input` event the page listens to). */
function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

/** Chooses the option with `value` in a `<select>` (the `change` event). */
function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

/** Selects a radio button, or ticks (`on` false: clears) a checkbox (the `change` event). */
function check(box: HTMLInputElement, on = true): void {
  box.checked = on;
  box.dispatchEvent(new Event('change'));
}

/** Picks `file` in a file input, as the browser's file dialog would (its `files`, then the `change` event). */
function chooseFile(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

/** Submits `form` as Enter or its submit button would (a cancelable `submit` event; the page prevents the default). */
function submit(form: Element): void {
  form.dispatchEvent(new Event('submit', { cancelable: true }));
}

/**
 * What a person does on a page, one way each, for the page and console tests alike (in the style of Testing Library's
 * `screen`: `ui.find(…)`): find an element (`find`, or `findByText` by what it says) — the test fails naming the
 * selector when it is missing or of another kind — then `type` into it, `choose` in it, `check` it, pick a file in it
 * (`chooseFile`) or `submit` it; read what the page says (`text`, `documentText`); let the app answer (`settle`) or
 * real time pass (`wait`). For "is it absent?" use `querySelector` and expect null; for a value a test needs to go on,
 * `value ?? ui.fail('…')`.
 */
export const ui = {
  find,
  findByText,
  text,
  documentText,
  type,
  choose,
  check,
  chooseFile,
  submit,
  settle,
  wait,
  fail,
} as const;

/** The practice console's staff accounts in the mock (`MOCK_STAFF`). */
export const ADMIN = 'admin@brightsmiles.example';
export const BILLING = 'billing@brightsmiles.example';
export const SUPPORT = 'support@pmsvendor.example';
export const STAFF_PASSWORD = 'correct-horse-battery';
export const STAFF_OTP = '246810';

/** A patient of household `account` pays `cents` through the mock's patient API; answers the posted transaction id. */
export function patientPays(api: MockApi, account: string, lastName: string, cents: number): string {
  let cookie: string | null = null;
  /** The answer's `data` (the mock answers the shapes of the generated operation types). */
  const call = (operationName: string, variables: Record<string, unknown> = {}): unknown => {
    const result = api.handle({ operationName, variables }, cookie);
    cookie = result.account;
    return requireData(result.json as { data?: unknown }, operationName);
  };
  call('SignIn', { practiceHash: 'K7MX4Q', accountNumber: account, lastName });
  const started = call('StartPayment', { amountCents: cents }) as StartPaymentMutation;
  const id = started.startPayment.paymentId;
  call('ConfirmSimulatedPayment', { paymentId: id, cardNumber: '4242424242424242' });
  const { payment } = call('PaymentStatus', { id }) as PaymentStatusQuery;
  return payment?.txId ?? fail(`Payment ${id} did not post (status ${payment?.status ?? 'unknown'})`);
}
