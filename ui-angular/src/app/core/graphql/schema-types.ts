export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

/** A postal address. */
export type Address = {
  __typename?: 'Address';
  city: Scalars['String']['output'];
  /** One-line form for display, e.g. `120 Main St, Suite 4, Austin, TX 78701`. */
  formatted: Scalars['String']['output'];
  line1: Scalars['String']['output'];
  line2?: Maybe<Scalars['String']['output']>;
  postalCode: Scalars['String']['output'];
  /** State or region code, e.g. `TX`. */
  state: Scalars['String']['output'];
};

/** Kinds of later change to a payment. */
export type AdjustmentKind =
  | 'DISPUTE_LOST'
  | 'DISPUTE_OPENED'
  | 'DISPUTE_WON'
  | 'REFUND';

/** How an amount would be applied to the household's open charges. */
export type AllocationPreview = {
  __typename?: 'AllocationPreview';
  /** The amount previewed. */
  amount: Money;
  /** What no payable charge would take: it would be kept as household credit. */
  credit: Money;
  /** One line per charge the amount reaches, in allocation order. */
  lines: Array<AllocationPreviewLine>;
};

/** What a previewed amount would do to one charge. */
export type AllocationPreviewLine = {
  __typename?: 'AllocationPreviewLine';
  /** Amount that would be applied to the charge. */
  applied: Money;
  /** The charge (`Charge.id`). */
  chargeId: Scalars['ID']['output'];
  /** What would remain on the charge afterwards. */
  remaining: Money;
};

/** One charge for one procedure performed on a patient. */
export type Charge = {
  __typename?: 'Charge';
  /** The full charge amount. */
  amount: Money;
  /** What remains to be paid on it. */
  balance: Money;
  /** True while a card dispute involving this charge is open. */
  disputed: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** The office where it was performed. */
  locationName?: Maybe<Scalars['String']['output']>;
  patientId: Scalars['ID']['output'];
  patientName: Scalars['String']['output'];
  /** Patient-facing procedure name (never a bare code), e.g. `Cleaning (adult)`. */
  procedureName: Scalars['String']['output'];
  /** The dentist or hygienist who performed it. */
  providerName?: Maybe<Scalars['String']['output']>;
  /** Date of service (ISO-8601 date). */
  serviceDate: Scalars['String']['output'];
  status: ChargeStatus;
};

/** Where a charge stands. */
export type ChargeStatus =
  /** A card dispute involving this charge is open; it cannot be paid online until the dispute closes. */
  | 'DISPUTED'
  /** Nothing paid yet. */
  | 'OPEN'
  /** Fully paid (not listed among open charges). */
  | 'PAID'
  /** Partly paid; a balance remains. */
  | 'PARTIALLY_PAID';

/** Count and totals of open charges in one status. */
export type ChargeStatusSummary = {
  __typename?: 'ChargeStatusSummary';
  count: Scalars['Int']['output'];
  status: ChargeStatus;
  totalBalance: Money;
};

/** Counts and totals of a household's open charges. */
export type ChargeSummary = {
  __typename?: 'ChargeSummary';
  /** The same figures per status, statuses with no charge omitted. */
  byStatus: Array<ChargeStatusSummary>;
  /** Number of open charges. */
  count: Scalars['Int']['output'];
  /** Sum of the full amounts of the open charges. */
  totalAmount: Money;
  /** Sum of their remaining balances, disputed charges included (`Household.balance` leaves those out while disputed). */
  totalBalance: Money;
};

/** Outcome of `emailReceipt`. */
export type EmailReceiptResult = {
  __typename?: 'EmailReceiptResult';
  /** True when the email was accepted for sending (it is sent in the background). */
  queued: Scalars['Boolean']['output'];
};

/** Codes found in `errors[].extensions.code`. Listed here for documentation and client code generation; never returned as a field. */
export type ErrorCode =
  /** The amount is larger than the household's current balance. */
  | 'AMOUNT_EXCEEDS_BALANCE'
  /** The amount is below the minimum the card processor accepts (50 cents unless paying a smaller whole balance). */
  | 'AMOUNT_TOO_LOW'
  /** An argument is malformed: empty, too long, wrong format. The message says which. */
  | 'BAD_USER_INPUT'
  /** The session may not see or do this (for example a transaction of another household). */
  | 'FORBIDDEN'
  /** Something unexpected failed. The message is generic; the request id is in the logs. */
  | 'INTERNAL'
  /** The thing asked for does not exist (or is not visible to this caller). */
  | 'NOT_FOUND'
  /** Too many attempts. Wait and try again. */
  | 'RATE_LIMITED'
  /** No session, or the session expired. Sign in again. */
  | 'UNAUTHENTICATED'
  /** A service the API depends on is unavailable. Safe to retry. */
  | 'UPSTREAM_UNAVAILABLE';

/** The signed-in household: the guarantor (head of household) and the patients billed to them. */
export type Household = {
  __typename?: 'Household';
  /**
   * How a payment of `amountCents` would be applied, computed by the ledger's own allocator (the same rule that posts
   * the payment): oldest date of service first, charges under an open dispute skipped, the rest kept as credit.
   * `BAD_USER_INPUT` for zero or negative amounts.
   */
  allocationPreview: AllocationPreview;
  /**
   * What the household can pay now: the remaining balance of its open charges. Charges under an open card dispute are
   * listed (flagged `disputed`) but not payable until the dispute closes; a lost dispute makes them owed again.
   */
  balance: Money;
  /** Counts and totals of the open charges, overall and by status. */
  chargeSummary: ChargeSummary;
  /**
   * Open charges (remaining balance above zero), grouped by patient (patients in name order) and ordered by date of
   * service within a patient. `status` filters to the given statuses; omitted means all open charges.
   */
  charges: Array<Charge>;
  /** Unapplied money held for the household (a payment that arrived after the balance changed). */
  credit: Money;
  /** Full name of the guarantor, as on the bill. */
  guarantorName: Scalars['String']['output'];
  /** The patients of the household. */
  patients: Array<Patient>;
  /** The practice this household belongs to. */
  practice: Practice;
  /**
   * Payments this household started in the last few minutes that are processing or succeeded, newest first: a second
   * tab (or a second family member) is warned before starting another payment.
   */
  recentPayments: Array<Payment>;
};


/** The signed-in household: the guarantor (head of household) and the patients billed to them. */
export type HouseholdAllocationPreviewArgs = {
  amountCents: Scalars['Int']['input'];
};


/** The signed-in household: the guarantor (head of household) and the patients billed to them. */
export type HouseholdChargesArgs = {
  status?: InputMaybe<Array<ChargeStatus>>;
};

/** One office of a practice. */
export type Location = {
  __typename?: 'Location';
  address?: Maybe<Address>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
};

/** An amount of money. */
export type Money = {
  __typename?: 'Money';
  /** Integer minor units (cents). Never fractional. */
  cents: Scalars['Int']['output'];
  /** ISO-4217 currency code, e.g. `USD`. */
  currency: Scalars['String']['output'];
  /** Display form in en-US, e.g. `$1,234.50`. Clients that localize should format `cents` themselves. */
  formatted: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Only when the payment provider is `SIMULATED` (the demo): confirms a started payment with one of Stripe's test card
   * numbers (4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined; 4000 0000 0000 9995 has insufficient funds).
   * The simulator then sends Stripe-format, signed webhook events through the production webhook path. Answers the
   * payment, usually still `PROCESSING`; poll `payment(id)`. Absent from the schema in `STRIPE` mode.
   */
  confirmSimulatedPayment: Payment;
  /** A short-lived link that downloads the receipt PDF once, without the cookie. */
  downloadReceipt: ReceiptDownload;
  /** Emails the receipt PDF to `email`. Answers at once; the email is sent in the background. Rate limited per session. */
  emailReceipt: EmailReceiptResult;
  /**
   * Signs a guarantor in with the account number printed on the bill and the head of household's last name
   * (case, accents, apostrophes, hyphens and extra spaces do not matter). On success sets the HttpOnly session cookie.
   * Every failure — unknown practice, unknown account, wrong name, locked account — answers the same `ok: false`
   * with the same generic message. Repeated failures are rate limited (`RATE_LIMITED` is never returned here: a locked
   * account looks like any other failure).
   */
  signIn: SignInResult;
  /** Ends the session on the server and clears the cookie. True even when there was no session. */
  signOut: Scalars['Boolean']['output'];
  /**
   * Starts a card payment of `amountCents` for the signed-in household. The server checks the amount against the live
   * balance: `BAD_USER_INPUT` for zero or negative, `AMOUNT_TOO_LOW` below 50 cents (unless that is the whole balance),
   * `AMOUNT_EXCEEDS_BALANCE` above the balance. The same `idempotencyKey` (a client-generated UUID per submit) returns
   * the same session: a double-click never creates two payments.
   */
  startPayment: PaymentSession;
};


export type MutationConfirmSimulatedPaymentArgs = {
  cardNumber: Scalars['String']['input'];
  paymentId: Scalars['ID']['input'];
};


export type MutationDownloadReceiptArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
  txId: Scalars['ID']['input'];
};


export type MutationEmailReceiptArgs = {
  email: Scalars['String']['input'];
  locale?: InputMaybe<Scalars['String']['input']>;
  txId: Scalars['ID']['input'];
};


export type MutationSignInArgs = {
  accountNumber: Scalars['String']['input'];
  lastName: Scalars['String']['input'];
  locale?: InputMaybe<Scalars['String']['input']>;
  practiceHash: Scalars['ID']['input'];
};


export type MutationStartPaymentArgs = {
  amountCents: Scalars['Int']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** A patient of the household. */
export type Patient = {
  __typename?: 'Patient';
  /** Remaining balance of this patient's open charges. */
  balance: Money;
  id: Scalars['ID']['output'];
  /** Display name, e.g. `Maria Garcia`. */
  name: Scalars['String']['output'];
};

/** A payment this household started. */
export type Payment = {
  __typename?: 'Payment';
  /** The amount of the payment. */
  amount: Money;
  /** When the payment was started (ISO-8601 instant). */
  createdAt?: Maybe<Scalars['String']['output']>;
  /** When `FAILED`: a stable reason code (`card_declined`, `insufficient_funds`, …). */
  failureCode?: Maybe<Scalars['String']['output']>;
  /** When `FAILED`: a patient-readable reason (e.g. `Your card was declined.`). */
  failureReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  status: PaymentStatus;
  /** The ledger transaction id, set once the payment is posted; the receipt uses it. */
  txId?: Maybe<Scalars['ID']['output']>;
};

/** What the client needs to collect card details for a started payment. */
export type PaymentSession = {
  __typename?: 'PaymentSession';
  /** The amount the server validated and will charge. */
  amount: Money;
  /** Stripe's PaymentIntent client secret (`pi_…_secret_…`), in both modes. */
  clientSecret?: Maybe<Scalars['String']['output']>;
  /** Opaque id of the payment; poll `payment(id)` with it. */
  paymentId: Scalars['ID']['output'];
  /** `STRIPE` (use Stripe's Payment Element with `clientSecret`) or `SIMULATED` (use `confirmSimulatedPayment`). */
  provider: Scalars['String']['output'];
  /** Stripe publishable key for Stripe.js, when the provider is `STRIPE`. */
  publishableKey?: Maybe<Scalars['String']['output']>;
  /** The practice's Stripe connected account id, for Stripe.js `stripeAccount`, when it has one. */
  stripeAccount?: Maybe<Scalars['String']['output']>;
};

/** Where a payment stands. */
export type PaymentStatus =
  /** Declined or failed; the patient may try again with a new payment. */
  | 'FAILED'
  /** Started or being confirmed; not yet posted to the ledger. */
  | 'PROCESSING'
  /** Paid and posted; `txId` is set once the ledger has it. */
  | 'SUCCEEDED';

/** A dental practice, as its patients see it on the landing page. */
export type Practice = {
  __typename?: 'Practice';
  /** Main address of the practice. */
  address?: Maybe<Address>;
  /** The short public hash of the practice's landing page (no look-alike characters). */
  hash: Scalars['ID']['output'];
  /** The practice's locations (offices). */
  locations: Array<Location>;
  /** URL of the practice logo (served by the BFF), or null when the practice has none. */
  logoUrl?: Maybe<Scalars['String']['output']>;
  /** Display name, e.g. `Bright Smiles Dental`. */
  name: Scalars['String']['output'];
  /** Main phone number for billing questions, as printed (E.164 in `phoneE164` for tap-to-call). */
  phone?: Maybe<Scalars['String']['output']>;
  /** The phone number in E.164 form for `tel:` links. */
  phoneE164?: Maybe<Scalars['String']['output']>;
  /** IANA time zone of the practice, e.g. `America/Chicago`; receipts show times in it. */
  timeZone: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The signed-in household; null when there is no valid session. */
  household?: Maybe<Household>;
  /**
   * Status of a payment this household started (`PaymentSession.paymentId`). Requires a session. When the payment has
   * been processing for more than a few seconds, the server re-reads it from the payment provider before answering.
   */
  payment?: Maybe<Payment>;
  /**
   * Public landing data of a practice, by the short hash printed on its bills and QR codes.
   * Null for an unknown or inactive hash (no hint whether such a hash ever existed). Look-ups of unknown hashes are
   * limited per client address (30 per 15 minutes): past that, `RATE_LIMITED` (retryable) for every hash until the
   * window ends; looking up a real practice never uses the allowance.
   */
  practice?: Maybe<Practice>;
  /**
   * The receipt of a transaction of the signed-in household. Another household's transaction answers exactly like an
   * unknown one (`NOT_FOUND`). Requires a session.
   */
  receipt?: Maybe<Receipt>;
  /**
   * Practice admins only: a one-time link to a PDF preview of the practice's receipt, either of a real transaction of
   * that practice (`txId`) or of sample data. Authorized by a bearer JWT with role `PRACTICE_ADMIN` and a `practice`
   * claim equal to `practiceHash`; an admin of another practice gets `FORBIDDEN`.
   */
  receiptPreview: ReceiptDownload;
  /** The current patient session's expiry times; null when signed out. Like every request, it renews the idle timer. */
  session?: Maybe<SessionInfo>;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPracticeArgs = {
  hash: Scalars['ID']['input'];
};


export type QueryReceiptArgs = {
  txId: Scalars['ID']['input'];
};


export type QueryReceiptPreviewArgs = {
  practiceHash: Scalars['ID']['input'];
  txId?: InputMaybe<Scalars['ID']['input']>;
};

/** An itemized, HSA/FSA-grade receipt of one payment. */
export type Receipt = {
  __typename?: 'Receipt';
  /** Later refunds and disputes of this payment, oldest first. */
  adjustments: Array<ReceiptAdjustment>;
  /** Part of the total applied to charges. */
  applied: Money;
  /** The household's remaining balance right after this payment was posted. */
  balanceAfter?: Maybe<Money>;
  /** Part of the total kept as household credit (the balance changed before the payment posted). */
  credit: Money;
  /** Name of the guarantor who paid. */
  guarantorName: Scalars['String']['output'];
  /** One line per charge the payment touched, grouped by patient and ordered by date of service. */
  lines: Array<ReceiptLine>;
  /** Payment method, e.g. `VISA ••••4242`. */
  methodLabel: Scalars['String']['output'];
  /** Date and time of payment, ISO-8601 with the practice's offset. */
  paidAt: Scalars['String']['output'];
  /** The practice that received the payment (identity for the receipt header). */
  practice: Practice;
  /** The payment processor's reference (Stripe PaymentIntent id), for support. */
  providerReference: Scalars['String']['output'];
  /** The practice's IANA time zone `paidAt` is expressed in. */
  timeZone: Scalars['String']['output'];
  /** Total paid today. */
  total: Money;
  /** The ledger transaction id. */
  txId: Scalars['ID']['output'];
};

/** A refund or dispute that changed a payment after it was made. */
export type ReceiptAdjustment = {
  __typename?: 'ReceiptAdjustment';
  amount: Money;
  /** When it happened (ISO-8601 with the practice's offset). */
  at: Scalars['String']['output'];
  kind: AdjustmentKind;
};

/** A one-time download link. */
export type ReceiptDownload = {
  __typename?: 'ReceiptDownload';
  /** ISO-8601 instant after which the link no longer works. */
  expiresAt: Scalars['String']['output'];
  /** Serves `application/pdf` once, without the session cookie, until `expiresAt`. */
  url: Scalars['String']['output'];
};

/** What one payment did to one charge. */
export type ReceiptLine = {
  __typename?: 'ReceiptLine';
  /** Amount of this payment applied to the charge. */
  applied: Money;
  /** Full amount of the charge. */
  chargeAmount: Money;
  chargeId: Scalars['ID']['output'];
  patientName: Scalars['String']['output'];
  procedureName: Scalars['String']['output'];
  providerName?: Maybe<Scalars['String']['output']>;
  /** What remained on the charge right after this payment. */
  remaining: Money;
  /** Date of service (ISO-8601 date). */
  serviceDate: Scalars['String']['output'];
};

/** Expiry times of the current patient session. */
export type SessionInfo = {
  __typename?: 'SessionInfo';
  /** When the session ends whatever the activity (ISO-8601 instant). */
  absoluteExpiresAt: Scalars['String']['output'];
  /** When the session ends if idle (ISO-8601 instant); every request renews it. */
  idleExpiresAt: Scalars['String']['output'];
};

/** Outcome of `signIn`. */
export type SignInResult = {
  __typename?: 'SignInResult';
  /** The household on success; null on failure. */
  household?: Maybe<Household>;
  /** When the session ends if idle (ISO-8601 instant); renewed by every request. */
  idleExpiresAt?: Maybe<Scalars['String']['output']>;
  /**
   * On failure, one generic patient-readable message in the sign-in `locale` (`es`, else English), the same for every
   * cause: check the account number and last name on the bill; after several tries wait 15 minutes or call the practice.
   */
  message?: Maybe<Scalars['String']['output']>;
  /** True when the session cookie was set. */
  ok: Scalars['Boolean']['output'];
};
