/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { gql } from 'apollo-angular';
import { Injectable } from '@angular/core';
import * as Apollo from 'apollo-angular';
/** Where a charge stands. */
export type ChargeStatus =
  /** A card dispute involving this charge is open; its amount is owed again meanwhile. */
  | 'DISPUTED'
  /** Nothing paid yet. */
  | 'OPEN'
  /** Fully paid (not listed among open charges). */
  | 'PAID'
  /** Partly paid; a balance remains. */
  | 'PARTIALLY_PAID';

/** Where a payment stands. */
export type PaymentStatus =
  /** Declined or failed; the patient may try again with a new payment. */
  | 'FAILED'
  /** Started or being confirmed; not yet posted to the ledger. */
  | 'PROCESSING'
  /** Paid and posted; `txId` is set once the ledger has it. */
  | 'SUCCEEDED';

export type MoneyPartsFragment = { cents: number, currency: string };

export type PracticeIdentityFragment = { hash: string, name: string, phone: string | null, phoneE164: string | null, logoUrl: string | null, timeZone: string, address: { formatted: string } | null };

export type PracticeQueryVariables = Exact<{
  hash: string;
}>;


export type PracticeQuery = { practice: { hash: string, name: string, phone: string | null, phoneE164: string | null, logoUrl: string | null, timeZone: string, address: { formatted: string } | null } | null };

export type SignInMutationVariables = Exact<{
  practiceHash: string;
  accountNumber: string;
  lastName: string;
}>;


export type SignInMutation = { signIn: { ok: boolean, message: string | null, idleExpiresAt: string | null } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type HouseholdQueryVariables = Exact<{ [key: string]: never; }>;


export type HouseholdQuery = { household: { guarantorName: string, practice: { hash: string, name: string, phone: string | null, phoneE164: string | null, logoUrl: string | null, timeZone: string, address: { formatted: string } | null }, balance: { cents: number, currency: string }, credit: { cents: number, currency: string }, charges: Array<{ id: string, patientId: string, patientName: string, serviceDate: string, procedureName: string, providerName: string | null, locationName: string | null, status: ChargeStatus, disputed: boolean, amount: { cents: number, currency: string }, balance: { cents: number, currency: string } }> } | null };

export type StartPaymentMutationVariables = Exact<{
  amountCents: number;
  idempotencyKey?: string | null | undefined;
}>;


export type StartPaymentMutation = { startPayment: { paymentId: string, provider: string, clientSecret: string | null, publishableKey: string | null, stripeAccount: string | null, amount: { cents: number, currency: string } } };

export type ConfirmSimulatedPaymentMutationVariables = Exact<{
  paymentId: string;
  cardNumber: string;
}>;


export type ConfirmSimulatedPaymentMutation = { confirmSimulatedPayment: { id: string, status: PaymentStatus, txId: string | null, failureReason: string | null, failureCode: string | null } };

export type PaymentStatusQueryVariables = Exact<{
  id: string;
}>;


export type PaymentStatusQuery = { payment: { id: string, status: PaymentStatus, txId: string | null, failureReason: string | null, failureCode: string | null, amount: { cents: number, currency: string } } | null };

export type ReceiptQueryVariables = Exact<{
  txId: string;
}>;


export type ReceiptQuery = { receipt: { txId: string, providerReference: string, paidAt: string, timeZone: string, methodLabel: string, guarantorName: string, total: { cents: number, currency: string }, applied: { cents: number, currency: string }, credit: { cents: number, currency: string }, practice: { hash: string, name: string, phone: string | null, phoneE164: string | null, logoUrl: string | null, timeZone: string, address: { formatted: string } | null }, lines: Array<{ chargeId: string, patientName: string, serviceDate: string, procedureName: string, providerName: string | null, chargeAmount: { cents: number, currency: string }, applied: { cents: number, currency: string }, remaining: { cents: number, currency: string } }> } | null };

export type DownloadReceiptMutationVariables = Exact<{
  txId: string;
}>;


export type DownloadReceiptMutation = { downloadReceipt: { url: string, expiresAt: string } };

export type EmailReceiptMutationVariables = Exact<{
  txId: string;
  email: string;
}>;


export type EmailReceiptMutation = { emailReceipt: { queued: boolean } };

export const MoneyPartsFragmentDoc = gql`
    fragment MoneyParts on Money {
  cents
  currency
}
    `;
export const PracticeIdentityFragmentDoc = gql`
    fragment PracticeIdentity on Practice {
  hash
  name
  phone
  phoneE164
  logoUrl
  timeZone
  address {
    formatted
  }
}
    `;
export const PracticeDocument = gql`
    query Practice($hash: ID!) {
  practice(hash: $hash) {
    ...PracticeIdentity
  }
}
    ${PracticeIdentityFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class PracticeGQL extends Apollo.Query<PracticeQuery, PracticeQueryVariables> {
    override document = PracticeDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const SignInDocument = gql`
    mutation SignIn($practiceHash: ID!, $accountNumber: String!, $lastName: String!) {
  signIn(
    practiceHash: $practiceHash
    accountNumber: $accountNumber
    lastName: $lastName
  ) {
    ok
    message
    idleExpiresAt
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class SignInGQL extends Apollo.Mutation<SignInMutation, SignInMutationVariables> {
    override document = SignInDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const SignOutDocument = gql`
    mutation SignOut {
  signOut
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class SignOutGQL extends Apollo.Mutation<SignOutMutation, SignOutMutationVariables> {
    override document = SignOutDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const HouseholdDocument = gql`
    query Household {
  household {
    guarantorName
    practice {
      ...PracticeIdentity
    }
    balance {
      ...MoneyParts
    }
    credit {
      ...MoneyParts
    }
    charges {
      id
      patientId
      patientName
      serviceDate
      procedureName
      providerName
      locationName
      amount {
        ...MoneyParts
      }
      balance {
        ...MoneyParts
      }
      status
      disputed
    }
  }
}
    ${PracticeIdentityFragmentDoc}
${MoneyPartsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class HouseholdGQL extends Apollo.Query<HouseholdQuery, HouseholdQueryVariables> {
    override document = HouseholdDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const StartPaymentDocument = gql`
    mutation StartPayment($amountCents: Int!, $idempotencyKey: String) {
  startPayment(amountCents: $amountCents, idempotencyKey: $idempotencyKey) {
    paymentId
    provider
    clientSecret
    publishableKey
    stripeAccount
    amount {
      ...MoneyParts
    }
  }
}
    ${MoneyPartsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class StartPaymentGQL extends Apollo.Mutation<StartPaymentMutation, StartPaymentMutationVariables> {
    override document = StartPaymentDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const ConfirmSimulatedPaymentDocument = gql`
    mutation ConfirmSimulatedPayment($paymentId: ID!, $cardNumber: String!) {
  confirmSimulatedPayment(paymentId: $paymentId, cardNumber: $cardNumber) {
    id
    status
    txId
    failureReason
    failureCode
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class ConfirmSimulatedPaymentGQL extends Apollo.Mutation<ConfirmSimulatedPaymentMutation, ConfirmSimulatedPaymentMutationVariables> {
    override document = ConfirmSimulatedPaymentDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const PaymentStatusDocument = gql`
    query PaymentStatus($id: ID!) {
  payment(id: $id) {
    id
    status
    txId
    failureReason
    failureCode
    amount {
      ...MoneyParts
    }
  }
}
    ${MoneyPartsFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class PaymentStatusGQL extends Apollo.Query<PaymentStatusQuery, PaymentStatusQueryVariables> {
    override document = PaymentStatusDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const ReceiptDocument = gql`
    query Receipt($txId: ID!) {
  receipt(txId: $txId) {
    txId
    providerReference
    paidAt
    timeZone
    methodLabel
    total {
      ...MoneyParts
    }
    applied {
      ...MoneyParts
    }
    credit {
      ...MoneyParts
    }
    guarantorName
    practice {
      ...PracticeIdentity
    }
    lines {
      chargeId
      patientName
      serviceDate
      procedureName
      providerName
      chargeAmount {
        ...MoneyParts
      }
      applied {
        ...MoneyParts
      }
      remaining {
        ...MoneyParts
      }
    }
  }
}
    ${MoneyPartsFragmentDoc}
${PracticeIdentityFragmentDoc}`;

  @Injectable({
    providedIn: 'root'
  })
  export class ReceiptGQL extends Apollo.Query<ReceiptQuery, ReceiptQueryVariables> {
    override document = ReceiptDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const DownloadReceiptDocument = gql`
    mutation DownloadReceipt($txId: ID!) {
  downloadReceipt(txId: $txId) {
    url
    expiresAt
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class DownloadReceiptGQL extends Apollo.Mutation<DownloadReceiptMutation, DownloadReceiptMutationVariables> {
    override document = DownloadReceiptDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }
export const EmailReceiptDocument = gql`
    mutation EmailReceipt($txId: ID!, $email: String!) {
  emailReceipt(txId: $txId, email: $email) {
    queued
  }
}
    `;

  @Injectable({
    providedIn: 'root'
  })
  export class EmailReceiptGQL extends Apollo.Mutation<EmailReceiptMutation, EmailReceiptMutationVariables> {
    override document = EmailReceiptDocument;
    
    constructor(apollo: Apollo.Apollo) {
      super(apollo);
    }
  }