import { TestBed } from '@angular/core/testing';
import { ui } from '../../testing/graphql-backend';
import { PracticeIdentity } from './practice-identity';

async function monogramOf(name: string): Promise<string> {
  const fixture = TestBed.createComponent(PracticeIdentity);
  fixture.componentRef.setInput('practice', {
    hash: 'QX7TMD',
    name,
    phone: null,
    phoneE164: null,
    logoUrl: null,
    timeZone: 'America/Chicago',
    address: null,
  });
  await fixture.whenStable();
  return ui.find(fixture.nativeElement as HTMLElement, '.practice__monogram').textContent;
}

describe('PracticeIdentity monogram (a practice without a logo)', () => {
  it.each([
    ['Harbor View Pediatric Dentistry', 'HV'],
    ['bright  smiles', 'BS'],
    ['Dr. Öztürk & Partners', 'DÖ'],
    ['123 Dental Care', 'DC'],
    // Letters outside the Basic Multilingual Plane are two UTF-16 code units: never half of one.
    ['𠮷野 Dental', '𠮷D'],
    ['𝐀cme 𝐁right', '𝐀𝐁'],
  ])('%s → %s', async (name, initials) => {
    expect(await monogramOf(name)).toBe(initials);
  });
});
