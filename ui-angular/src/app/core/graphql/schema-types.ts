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
  /** City, e.g. `Austin`. */
  city: Scalars['String']['output'];
  /** One-line form for display, e.g. `120 Main St, Suite 4, Austin, TX 78701`. */
  formatted: Scalars['String']['output'];
  /** Street address, e.g. `120 Main St`. */
  line1: Scalars['String']['output'];
  /** Suite, floor or unit, e.g. `Suite 4`; null when there is none. */
  line2?: Maybe<Scalars['String']['output']>;
  /** ZIP or postal code, e.g. `78701`. */
  postalCode: Scalars['String']['output'];
  /** State or region code, e.g. `TX`. */
  state: Scalars['String']['output'];
};

/** Kinds of later change to a payment. */
export type AdjustmentKind =
  /** The practice lost the dispute: the money stays with the card holder and the charges are owed again. */
  | 'DISPUTE_LOST'
  /** The card holder disputed the payment; the amount was withdrawn from the practice while the dispute is open. */
  | 'DISPUTE_OPENED'
  /** The practice won the dispute: the amount was returned to it and applies to the charges again. */
  | 'DISPUTE_WON'
  /** Money went back to the card: part or all of the payment. */
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

/** Collections of one procedure category. */
export type CategoryCollections = {
  __typename?: 'CategoryCollections';
  /** All collections applied to charges of this category. */
  all: Money;
  /** CDT category, e.g. `Preventive`, `Restorative`. */
  category: Scalars['String']['output'];
  /** Online collections applied to charges of this category. */
  online: Money;
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
  /** Opaque charge id (`AllocationPreviewLine.chargeId`, `ReceiptLine.chargeId`). */
  id: Scalars['ID']['output'];
  /** The office where it was performed. */
  locationName?: Maybe<Scalars['String']['output']>;
  /** The patient treated (`Patient.id`). */
  patientId: Scalars['ID']['output'];
  /** The patient's display name, e.g. `Maria Garcia`. */
  patientName: Scalars['String']['output'];
  /** Patient-facing procedure name (never a bare code), e.g. `Cleaning (adult)`. */
  procedureName: Scalars['String']['output'];
  /** The dentist or hygienist who performed it. */
  providerName?: Maybe<Scalars['String']['output']>;
  /** Date of service (ISO-8601 date). */
  serviceDate: Scalars['String']['output'];
  /** Where the charge stands: open, partly paid, paid or under dispute. */
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
  /** Number of open charges in it. */
  count: Scalars['Int']['output'];
  /** The status these figures are for. */
  status: ChargeStatus;
  /** Sum of their remaining balances. */
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

/** Collections of one payment source. */
export type CollectionsBySource = {
  __typename?: 'CollectionsBySource';
  /** Amount collected. */
  amount: Money;
  /** Number of payments. */
  count: Scalars['Int']['output'];
  /** `ONLINE_PATIENT_PAYMENT`, `IN_OFFICE`, `MAIL_CHECK` or `OTHER`. */
  source: Scalars['String']['output'];
};

/** The practice console: everything a signed-in staff member can see. */
export type Console = {
  __typename?: 'Console';
  /** The signed-in staff member. */
  me: StaffMember;
  /** Operations views (SUPPORT only; `FORBIDDEN` for other roles). */
  operations: ConsoleOperations;
  /** One practice by id; `FORBIDDEN` for a practice the caller may not see. */
  practice?: Maybe<ConsolePractice>;
  /** The practices this staff member may see (SUPPORT: every practice, each access audited). */
  practices: Array<ConsolePractice>;
};


/** The practice console: everything a signed-in staff member can see. */
export type ConsolePracticeArgs = {
  id: Scalars['ID']['input'];
};

/** A later change to a payment: a refund, a dispute or an inquiry. */
export type ConsoleAdjustment = {
  __typename?: 'ConsoleAdjustment';
  /** The amount involved. */
  amount: Money;
  /** When it last changed (ISO-8601 with the practice's offset). */
  at: Scalars['String']['output'];
  /** `REFUND`, `DISPUTE` or `INQUIRY`. */
  kind: Scalars['String']['output'];
  /** The provider's id of the refund or dispute. */
  reference?: Maybe<Scalars['String']['output']>;
  /** Its current state, e.g. `PENDING`, `SUCCEEDED`, `FAILED`, `NEEDS_RESPONSE`, `WON`, `LOST`. */
  status: Scalars['String']['output'];
};

/** What a payment applied to one charge. */
export type ConsoleAllocation = {
  __typename?: 'ConsoleAllocation';
  /** Amount applied to the charge. */
  applied: Money;
  /** The charge id. */
  chargeId: Scalars['ID']['output'];
  /** The office where it was performed. */
  locationName?: Maybe<Scalars['String']['output']>;
  /** The patient treated. */
  patientName: Scalars['String']['output'];
  /** CDT procedure code, e.g. `D1110`. */
  procedureCode: Scalars['String']['output'];
  /** Procedure name. */
  procedureName: Scalars['String']['output'];
  /** What remained on the charge right after this payment. */
  remaining: Money;
  /** Date of service (ISO date). */
  serviceDate: Scalars['String']['output'];
};

/** One audit row. */
export type ConsoleAuditEntry = {
  __typename?: 'ConsoleAuditEntry';
  /** What happened, e.g. `PAYMENT_POSTED`, `REFUND_REQUESTED`, `REFUND_APPLIED`. */
  action: Scalars['String']['output'];
  /** Who did it: a staff member's display name, or `system`. */
  actor?: Maybe<Scalars['String']['output']>;
  /** The amount involved, when one is. */
  amount?: Maybe<Money>;
  /** When (ISO-8601 with the practice's offset). */
  at: Scalars['String']['output'];
};

/** Operations views for the vendor's support. */
export type ConsoleOperations = {
  __typename?: 'ConsoleOperations';
  /** Messages waiting in the webhook dead-letter queue. */
  deadLetterDepth: Scalars['Int']['output'];
  /** Messages waiting in the webhook queue. */
  queueDepth: Scalars['Int']['output'];
  /** The latest reconciliation runs, newest first. */
  reconciliationRuns: Array<ReconciliationRun>;
};

/** An online payment as the practice sees it. */
export type ConsolePayment = {
  __typename?: 'ConsolePayment';
  /** The household's account number. */
  accountNumber: Scalars['String']['output'];
  /** What the payment applied to each charge. */
  allocations: Array<ConsoleAllocation>;
  /** The amount paid. */
  amount: Money;
  /** The ledger's and the console's audit rows for this payment, oldest first. */
  auditTrail: Array<ConsoleAuditEntry>;
  /** The guarantor's name. */
  guarantorName: Scalars['String']['output'];
  /** Payment method, e.g. `VISA ••••4242`. */
  methodLabel: Scalars['String']['output'];
  /** When it was paid (ISO-8601 with the practice's offset). */
  paidAt: Scalars['String']['output'];
  /** The payment processor's reference (Stripe PaymentIntent id). */
  providerReference: Scalars['String']['output'];
  /** What can still be refunded. */
  refundable: Money;
  /** Refunded so far (posted refunds). */
  refunded: Money;
  /** Payment source: `ONLINE_PATIENT_PAYMENT` (shown as "paid online"). */
  source: Scalars['String']['output'];
  /** Where the payment stands. */
  status: TransactionStatus;
  /** Refunds (requested, pending, posted, failed), disputes and inquiries, oldest first. */
  timeline: Array<ConsoleAdjustment>;
  /** The ledger transaction id. */
  transactionId: Scalars['ID']['output'];
};

/** A page of console payments. */
export type ConsolePaymentConnection = {
  __typename?: 'ConsolePaymentConnection';
  /** The rows of this page. */
  edges: Array<ConsolePaymentEdge>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** Rows matching the filter in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One row of a page, with its cursor. */
export type ConsolePaymentEdge = {
  __typename?: 'ConsolePaymentEdge';
  /** Opaque cursor of this row. */
  cursor: Scalars['String']['output'];
  /** The payment. */
  node: ConsolePayment;
};

/** Filters of the console's payment list. All given filters must match. */
export type ConsolePaymentFilter = {
  /** The household's account number (exact). */
  accountNumber?: InputMaybe<Scalars['String']['input']>;
  /** Paid on or after this day (ISO date, practice time zone). */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Payments applied (at least in part) to charges of this location. */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  /** Amount at most this many cents. */
  maxAmountCents?: InputMaybe<Scalars['Int']['input']>;
  /** Amount at least this many cents. */
  minAmountCents?: InputMaybe<Scalars['Int']['input']>;
  /** The payment processor's reference, e.g. a Stripe PaymentIntent id (exact). */
  providerReference?: InputMaybe<Scalars['String']['input']>;
  /** Payments in any of these statuses. */
  statuses?: InputMaybe<Array<TransactionStatus>>;
  /** Paid on or before this day (ISO date, practice time zone). */
  to?: InputMaybe<Scalars['String']['input']>;
  /** The ledger transaction id (exact). */
  transactionId?: InputMaybe<Scalars['ID']['input']>;
};

/** A practice as its staff see it in the console. */
export type ConsolePractice = {
  __typename?: 'ConsolePractice';
  /** The public landing hash. */
  hash: Scalars['ID']['output'];
  /** Opaque practice id. */
  id: Scalars['ID']['output'];
  /** The practice's locations (offices). */
  locations: Array<Location>;
  /** Display name. */
  name: Scalars['String']['output'];
  /** One online payment of this practice with its allocations, adjustments and audit trail; null when unknown. */
  payment?: Maybe<ConsolePayment>;
  /** Online payments ("paid online"), newest first, with filters and cursor pagination. */
  payments: ConsolePaymentConnection;
  /** A one-time link to a CSV of every payment matching the filter (audited). */
  paymentsCsv: ReceiptDownload;
  /** The receipt branding: the draft being edited and what patients see (published). */
  receiptBranding: ReceiptBrandingState;
  /** A one-time link to the receipt PDF of a transaction of this practice, with the published branding. */
  receiptPdf: ReceiptDownload;
  /** Return on online bill pay for a date range (practice time zone), for the whole practice or one location. */
  roi: RoiReport;
  /** The caller's role for this practice. */
  role: StaffRole;
  /** The landing URL with the account prefilled and its QR code, for a paper statement. */
  statementLink: StatementLink;
  /** A one-time link to a ZIP for a statement-printing vendor: a CSV of accounts and URLs plus one QR image per account. */
  statementLinksExport: ReceiptDownload;
};


/** A practice as its staff see it in the console. */
export type ConsolePracticePaymentArgs = {
  transactionId: Scalars['ID']['input'];
};


/** A practice as its staff see it in the console. */
export type ConsolePracticePaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ConsolePaymentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A practice as its staff see it in the console. */
export type ConsolePracticePaymentsCsvArgs = {
  filter?: InputMaybe<ConsolePaymentFilter>;
};


/** A practice as its staff see it in the console. */
export type ConsolePracticeReceiptPdfArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
  transactionId: Scalars['ID']['input'];
};


/** A practice as its staff see it in the console. */
export type ConsolePracticeRoiArgs = {
  from: Scalars['String']['input'];
  locationId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['String']['input'];
};


/** A practice as its staff see it in the console. */
export type ConsolePracticeStatementLinkArgs = {
  accountNumber: Scalars['String']['input'];
};


/** A practice as its staff see it in the console. */
export type ConsolePracticeStatementLinksExportArgs = {
  accountNumbers: Array<Scalars['String']['input']>;
  format?: InputMaybe<QrFormat>;
};

/** A refund asked of the payment processor from the console. */
export type ConsoleRefund = {
  __typename?: 'ConsoleRefund';
  /** The amount asked for. */
  amount: Money;
  /** Opaque id of the request. */
  refundRequestId: Scalars['ID']['output'];
  /** `PENDING` until the processor's refund event posts it to the ledger; then `SUCCEEDED` or `FAILED`. */
  status: Scalars['String']['output'];
};

/** Collections of one day. */
export type DailyCollections = {
  __typename?: 'DailyCollections';
  /** All collections. */
  all: Money;
  /** The day (ISO date, practice time zone). */
  date: Scalars['String']['output'];
  /** Online collections. */
  online: Money;
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

/** One step of the patient funnel. */
export type FunnelStep = {
  __typename?: 'FunnelStep';
  /** Count in the period. */
  count: Scalars['Int']['output'];
  /** `LANDING`, `SIGNED_IN`, `PAYMENT_STARTED` or `PAYMENT_COMPLETED`. */
  step: Scalars['String']['output'];
};

/** The signed-in household: the guarantor (head of household) and the patients billed to them. */
export type Household = {
  __typename?: 'Household';
  /**
   * How a payment of `amountCents` would be applied, computed by the ledger's own allocator (the same code that posts
   * the payment, on the same balances): oldest date of service first, charges under an open dispute skipped, the rest
   * kept as credit. Paying exactly this amount right away gives a receipt with exactly these lines.
   * `BAD_USER_INPUT` for zero, negative or absurd (above $100,000.00) amounts.
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
   * Payments this household started in the last few minutes (5 by default) that are under way or succeeded, newest
   * first: a second tab (or a second family member) is warned before starting another payment, and can link to the
   * receipt of a succeeded one (`txId`). A payment still on an open, unsubmitted card form is not listed; one the
   * provider is processing (or cannot tell about right now) is listed as `PROCESSING`.
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
  /** The office's address; null when not recorded. */
  address?: Maybe<Address>;
  /** Opaque location id (what `ConsolePaymentFilter.locationId` and `roi(locationId:)` take). */
  id: Scalars['ID']['output'];
  /** The office's name, as the practice calls it. */
  name: Scalars['String']['output'];
  /** The office's phone number, as printed; null when none is recorded (use `Practice.phone`). */
  phone?: Maybe<Scalars['String']['output']>;
};

/** Collections of one location. */
export type LocationCollections = {
  __typename?: 'LocationCollections';
  /** All collections applied to charges of this location. */
  all: Money;
  /** The location id. */
  locationId: Scalars['ID']['output'];
  /** The location's name. */
  locationName: Scalars['String']['output'];
  /** Online collections applied to charges of this location. */
  online: Money;
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

/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Only when the payment provider is `SIMULATED` (the demo): confirms a started payment with one of Stripe's test card
   * numbers (4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined; 4000 0000 0000 9995 has insufficient funds;
   * 4000 0000 0000 5126 succeeds but its refunds fail a moment later; 4000 0000 0000 0259 and 4000 0000 0000 2685 succeed
   * and are disputed a moment later; 4000 0000 0000 1976 succeeds and gets an inquiry). The simulator then sends
   * Stripe-format, signed webhook events through the production webhook path. A declined payment may be confirmed
   * again with another card (it is `PROCESSING` again until the outcome arrives). Answers the payment, usually still
   * `PROCESSING`; poll `payment(id)`. Absent from the schema in `STRIPE` mode.
   */
  confirmSimulatedPayment: Payment;
  /** A short-lived link that downloads the receipt PDF once, without the cookie. */
  downloadReceipt: ReceiptDownload;
  /** Emails a household a payment link: practice name and link only, no PHI (PRACTICE_ADMIN, BILLING). */
  emailPaymentLink: EmailReceiptResult;
  /** Emails the receipt PDF to `email`. Answers at once; the email is sent in the background. Rate limited per session. */
  emailReceipt: EmailReceiptResult;
  /** A one-time link to a PDF of the draft branding, on sample data or on a real transaction of the practice. */
  previewReceiptBranding: ReceiptDownload;
  /** Publishes the draft branding (PRACTICE_ADMIN): patients' receipts use it from now on. */
  publishReceiptBranding: ReceiptBrandingState;
  /**
   * Asks the payment processor to refund part or all of an online payment (PRACTICE_ADMIN, BILLING of its practice).
   * The ledger changes only when the processor's refund event arrives through the webhook path; until then the refund
   * is `PENDING`. The same `idempotencyKey` (a client UUID per submit) is one refund. `BAD_USER_INPUT` above what is
   * refundable.
   */
  refundPayment: ConsoleRefund;
  /** Moves up to `max` (default 100) messages from the webhook dead-letter queue back to the queue (SUPPORT). Answers how many moved. */
  replayDeadLetters: Scalars['Int']['output'];
  /** Runs reconciliation now for a window of at most 31 days (SUPPORT); answers the run. */
  runReconciliation: ReconciliationRun;
  /** Saves the practice's receipt branding draft (PRACTICE_ADMIN). Patients keep seeing the published branding. */
  saveReceiptBrandingDraft: ReceiptBrandingState;
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
   * Demo control, only when the payment provider is `SIMULATED`: submits dispute evidence for this household's disputed
   * payment, as in Stripe's test mode: `winning_evidence` wins a dispute (funds reinstated) or closes an inquiry;
   * `losing_evidence` loses a dispute or escalates an inquiry to a chargeback (funds withdrawn). `BAD_USER_INPUT` when
   * the payment has no open dispute. Absent from the schema in `STRIPE` mode.
   */
  simulateDisputeEvidence: Payment;
  /**
   * Demo control, only when the payment provider is `SIMULATED`: refunds `amountCents` of a succeeded payment of this
   * household at the simulated provider (standing in for the practice console's refund), which sends Stripe's refund
   * events (`refund.created`, `charge.refunded` without embedded refunds; `refund.failed` a moment later for a payment
   * made with 4000 0000 0000 5126) through the production webhook path. `BAD_USER_INPUT` when the provider refuses
   * (more than is refundable, a disputed payment). Absent from the schema in `STRIPE` mode.
   */
  simulateRefund: Payment;
  /**
   * Signs a staff member in to the practice console (email + password, plus the authenticator code for roles that can
   * refund). Every failure answers the same `ok: false` with one generic message; the same concurrency-safe lockout as
   * patient sign-in. Sets the staff session cookie (HttpOnly, its own name, 15 minutes idle).
   */
  staffSignIn: StaffSignInResult;
  /** Ends the staff session on the server and clears its cookie. True even when there was no staff session. */
  staffSignOut: Scalars['Boolean']['output'];
  /**
   * Starts a card payment of `amountCents` for the signed-in household. The server checks the amount against the live
   * balance: `BAD_USER_INPUT` for zero or negative, `AMOUNT_TOO_LOW` below 50 cents (unless that is the whole balance),
   * `AMOUNT_EXCEEDS_BALANCE` above the balance. The same `idempotencyKey` (a client-generated UUID per submit) returns
   * the same session: a double-click never creates two payments. After a decline, starting again with the same
   * `idempotencyKey` and amount resumes the same payment (same `paymentId` and client secret, `PROCESSING` again until
   * the provider answers), so a retry with another card pays exactly the amount chosen.
   */
  startPayment: PaymentSession;
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationConfirmSimulatedPaymentArgs = {
  cardNumber: Scalars['String']['input'];
  paymentId: Scalars['ID']['input'];
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationDownloadReceiptArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
  txId: Scalars['ID']['input'];
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationEmailPaymentLinkArgs = {
  accountNumber: Scalars['String']['input'];
  email: Scalars['String']['input'];
  practiceId: Scalars['ID']['input'];
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationEmailReceiptArgs = {
  email: Scalars['String']['input'];
  locale?: InputMaybe<Scalars['String']['input']>;
  txId: Scalars['ID']['input'];
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationPreviewReceiptBrandingArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
  practiceId: Scalars['ID']['input'];
  transactionId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationPublishReceiptBrandingArgs = {
  practiceId: Scalars['ID']['input'];
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationRefundPaymentArgs = {
  amountCents: Scalars['Int']['input'];
  idempotencyKey: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  reason: RefundReason;
  transactionId: Scalars['ID']['input'];
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationReplayDeadLettersArgs = {
  max?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationRunReconciliationArgs = {
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationSaveReceiptBrandingDraftArgs = {
  input: ReceiptBrandingInput;
  practiceId: Scalars['ID']['input'];
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationSignInArgs = {
  accountNumber: Scalars['String']['input'];
  lastName: Scalars['String']['input'];
  locale?: InputMaybe<Scalars['String']['input']>;
  practiceHash: Scalars['ID']['input'];
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationSimulateDisputeEvidenceArgs = {
  evidence: Scalars['String']['input'];
  paymentId: Scalars['ID']['input'];
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationSimulateRefundArgs = {
  amountCents: Scalars['Int']['input'];
  paymentId: Scalars['ID']['input'];
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationStaffSignInArgs = {
  email: Scalars['String']['input'];
  otp?: InputMaybe<Scalars['String']['input']>;
  password: Scalars['String']['input'];
};


/**
 * What clients do: sign in and out, pay, have a receipt emailed or downloaded; and the practice console's staff
 * actions (refunds, receipt branding, payment links, operations).
 */
export type MutationStartPaymentArgs = {
  amountCents: Scalars['Int']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** Cursor pagination state. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last row of this page; pass it as `after`. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when another page follows. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A patient of the household. */
export type Patient = {
  __typename?: 'Patient';
  /** Remaining balance of this patient's open charges. */
  balance: Money;
  /** Opaque patient id (`Charge.patientId`). */
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
  /** Opaque payment id (`PaymentSession.paymentId`). */
  id: Scalars['ID']['output'];
  /** Processing, succeeded or failed; poll `payment(id)` while `PROCESSING`. */
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
  /**
   * URL of the practice's published logo, served by the BFF at a content-hashed path
   * (`/practice-logos/{hash}/{sha256}.png|svg`, cached immutable for a year), or null when the practice has none (show
   * its initials; no request needed). The PDF receipt prints the same logo.
   */
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

/** Image format of exported QR codes. */
export type QrFormat =
  /** PNG at 300 dpi. */
  | 'PNG'
  /** Scalable vector graphics. */
  | 'SVG';

/**
 * What clients read: a practice's public landing data, then (signed in) the household, its payments and receipts;
 * practice admins' receipt previews; the practice console for staff (`console`).
 */
export type Query = {
  __typename?: 'Query';
  /** The practice console for a signed-in staff member; null without a staff session (a patient session never sees it). */
  console?: Maybe<Console>;
  /** The signed-in household; null when there is no valid session. */
  household?: Maybe<Household>;
  /**
   * Status of a payment this household started (`PaymentSession.paymentId`). Requires a session. When the payment has
   * been processing for more than a few seconds (5 by default) without its final webhook, the server re-reads it from
   * the payment provider before answering and posts or fails it from the provider's record.
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


/**
 * What clients read: a practice's public landing data, then (signed in) the household, its payments and receipts;
 * practice admins' receipt previews; the practice console for staff (`console`).
 */
export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


/**
 * What clients read: a practice's public landing data, then (signed in) the household, its payments and receipts;
 * practice admins' receipt previews; the practice console for staff (`console`).
 */
export type QueryPracticeArgs = {
  hash: Scalars['ID']['input'];
};


/**
 * What clients read: a practice's public landing data, then (signed in) the household, its payments and receipts;
 * practice admins' receipt previews; the practice console for staff (`console`).
 */
export type QueryReceiptArgs = {
  txId: Scalars['ID']['input'];
};


/**
 * What clients read: a practice's public landing data, then (signed in) the household, its payments and receipts;
 * practice admins' receipt previews; the practice console for staff (`console`).
 */
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
  /**
   * The household's balance right after this payment was posted (open charges not under dispute, as the connector's
   * ledger had them then; later refunds and disputes do not change it). Null only for receipts cached before it existed.
   */
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

/**
 * A refund or dispute that changed a payment after it was made: refunds in effect (a refund that failed or was canceled
 * is not listed), disputes once funds were withdrawn and their outcome. Card-network inquiries move no money and are not
 * listed.
 */
export type ReceiptAdjustment = {
  __typename?: 'ReceiptAdjustment';
  /** The amount refunded, or the amount the dispute is about. */
  amount: Money;
  /** When it happened (ISO-8601 with the practice's offset). */
  at: Scalars['String']['output'];
  /** A refund, or a step of a card dispute. */
  kind: AdjustmentKind;
};

/** Receipt branding: logo, signature-area text and footer. */
export type ReceiptBranding = {
  __typename?: 'ReceiptBranding';
  /** Footer text. */
  footerText?: Maybe<Scalars['String']['output']>;
  /** URL of the logo image, or null. */
  logoUrl?: Maybe<Scalars['String']['output']>;
  /** Text in the signature area. */
  signatureText?: Maybe<Scalars['String']['output']>;
  /** When it was last saved or published (ISO-8601 instant). */
  updatedAt: Scalars['String']['output'];
};

/** Fields of the receipt branding draft; omitted fields stay as they are. */
export type ReceiptBrandingInput = {
  /** Footer text, at most 500 characters. */
  footerText?: InputMaybe<Scalars['String']['input']>;
  /** A new logo: base64 of a PNG or SVG file, at most 256 KiB. */
  logoBase64?: InputMaybe<Scalars['String']['input']>;
  /** Content type of `logoBase64`: `image/png` or `image/svg+xml`. */
  logoContentType?: InputMaybe<Scalars['String']['input']>;
  /** True to print no logo. */
  removeLogo?: InputMaybe<Scalars['Boolean']['input']>;
  /** Text printed in the receipt's signature area, at most 200 characters. */
  signatureText?: InputMaybe<Scalars['String']['input']>;
};

/** The branding being edited and the branding patients see. */
export type ReceiptBrandingState = {
  __typename?: 'ReceiptBrandingState';
  /** The draft (null when nothing is being edited). */
  draft?: Maybe<ReceiptBranding>;
  /** What patients' receipts use (null: the defaults). */
  published?: Maybe<ReceiptBranding>;
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
  /** The charge paid (`Charge.id`). */
  chargeId: Scalars['ID']['output'];
  /** The patient treated, as the practice entered the name. */
  patientName: Scalars['String']['output'];
  /** Patient-facing procedure name, e.g. `Cleaning (adult)`. */
  procedureName: Scalars['String']['output'];
  /** The dentist or hygienist who performed it; null when not recorded. */
  providerName?: Maybe<Scalars['String']['output']>;
  /** What remained on the charge right after this payment. */
  remaining: Money;
  /** Date of service (ISO-8601 date). */
  serviceDate: Scalars['String']['output'];
};

/** One run of the reconciliation job. */
export type ReconciliationRun = {
  __typename?: 'ReconciliationRun';
  /** Provider payments checked. */
  checked: Scalars['Int']['output'];
  /** Window start (ISO-8601 instant). */
  from: Scalars['String']['output'];
  /** Payments the ledger lacked and that were posted now. */
  repaired: Scalars['Int']['output'];
  /** When it started (ISO-8601 instant). */
  startedAt: Scalars['String']['output'];
  /** Window end (ISO-8601 instant). */
  to: Scalars['String']['output'];
};

/** Why a payment is refunded (Stripe's refund reasons plus `OTHER`). */
export type RefundReason =
  /** The patient paid twice. */
  | 'DUPLICATE'
  /** The payment was not made by the card holder. */
  | 'FRAUDULENT'
  /** Any other reason (say which in `note`). */
  | 'OTHER'
  /** The patient asked for the refund. */
  | 'REQUESTED_BY_CUSTOMER';

/** ROI of online bill pay for a period. */
export type RoiReport = {
  __typename?: 'RoiReport';
  /** All patient collections returned against bills, every source. */
  allCollections: Money;
  /** Collections per day. */
  byDay: Array<DailyCollections>;
  /** Collections per location (from the payment ↔ charge links). */
  byLocation: Array<LocationCollections>;
  /** Collections per procedure category (from the charges' CDT codes). */
  byProcedureCategory: Array<CategoryCollections>;
  /** Collections by payment source. */
  bySource: Array<CollectionsBySource>;
  /** First day (ISO date). */
  from: Scalars['String']['output'];
  /** The patient funnel: landing, signed in, payment started, payment completed (daily counts summed). */
  funnel: Array<FunnelStep>;
  /** Share (0–1) of households that paid anything in the period who paid online at least once. */
  householdsPayingOnlineShare: Scalars['Float']['output'];
  /** Median days from date of service to payment, online payments (null without any). */
  medianDaysToPayOnline?: Maybe<Scalars['Float']['output']>;
  /** Median days from date of service to payment, other sources (null without any). */
  medianDaysToPayOther?: Maybe<Scalars['Float']['output']>;
  /** Online patient payments collected (net of refunds and lost disputes). */
  onlineCollections: Money;
  /** Last day (ISO date). */
  to: Scalars['String']['output'];
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

/** A signed-in member of a practice's staff (or the vendor's support). */
export type StaffMember = {
  __typename?: 'StaffMember';
  /** Name shown in the console. */
  displayName: Scalars['String']['output'];
  /** Sign-in email. */
  email: Scalars['String']['output'];
  /** Opaque staff id. */
  id: Scalars['ID']['output'];
  /** The practices this member belongs to and the role in each (SUPPORT: none listed; sees all practices). */
  memberships: Array<StaffMembership>;
};

/** A staff member's role in one practice. */
export type StaffMembership = {
  __typename?: 'StaffMembership';
  /** The practice. */
  practice: ConsolePractice;
  /** The role in it. */
  role: StaffRole;
};

/** A staff member's role in a practice. */
export type StaffRole =
  /** Payments, refunds and statement links; no settings (branding). */
  | 'BILLING'
  /** Everything for their practice: payments, refunds, receipt branding, statement links, analytics. */
  | 'PRACTICE_ADMIN'
  /** The PMS vendor's support: read-only across practices; every access is audited; operations views. */
  | 'SUPPORT';

/** Outcome of `staffSignIn`. */
export type StaffSignInResult = {
  __typename?: 'StaffSignInResult';
  /** On failure, one generic message, the same for every cause. */
  message?: Maybe<Scalars['String']['output']>;
  /** True when the staff session cookie was set. */
  ok: Scalars['Boolean']['output'];
  /** True when the password was right but this role needs a second factor: ask for the authenticator code and call again with `otp`. */
  otpRequired: Scalars['Boolean']['output'];
  /** The signed-in staff member on success. */
  staff?: Maybe<StaffMember>;
};

/** A statement's payment link. */
export type StatementLink = {
  __typename?: 'StatementLink';
  /** The household's account number. */
  accountNumber: Scalars['String']['output'];
  /** URL of the QR code as a PNG (300 dpi). */
  qrPngUrl: Scalars['String']['output'];
  /** The QR code of `url` as an SVG document, sized for print (about 2.5 cm). */
  qrSvg: Scalars['String']['output'];
  /** The landing URL with the account prefilled. */
  url: Scalars['String']['output'];
};

/** Where an online payment stands in the ledger. */
export type TransactionStatus =
  /** A card dispute with funds withdrawn is open. */
  | 'DISPUTED'
  /** The practice lost the dispute; the money stays with the card holder. */
  | 'DISPUTE_LOST'
  /** Part of it was refunded. */
  | 'PARTIALLY_REFUNDED'
  /** All of it was refunded. */
  | 'REFUNDED'
  /** Paid and applied. */
  | 'SUCCEEDED';
