import AutopilotCore
import Foundation
import Testing

@testable import Flows

/// What allows a message: consent, legitimate interest for B2B email prospecting (a lead's professional address in a
/// country the tenant prospects), the contract for transactional messages. SMS and WhatsApp always need consent.
@Suite("Smart sending: lawful basis")
struct LawfulBasisTests {
    static let now = Date(timeIntervalSince1970: 1_773_133_200)  // a Tuesday, 09:00 UTC
    let policy = try! SmartSendingPolicy()

    func contact(email: String = "claire@atelier-lila.fr", phone: String? = nil, country: String? = nil, consent: Bool? = nil) -> ContactRecord {
        var record = ContactRecord(id: "c1", createdAt: Date(timeIntervalSince1970: 0))
        record.email = email
        record.phone = phone
        if let country { record.attributes["country"] = .string(country) }
        if let consent { record.consents[.email] = ConsentState(granted: consent, at: Self.now, source: "form") }
        return record
    }

    func decide(_ channel: Channel, _ record: ContactRecord, isLead: Bool = true, rules: ProspectingRules = ProspectingRules(), purpose: MessagePurpose = .marketing)
        -> (SendDecision, LawfulBasis?)
    {
        var facts = RecipientFacts(contact: record)
        facts.legitimateInterestEmail = rules.allowsEmail(to: record, isLead: isLead)
        let message = OutgoingMessageFacts(channel: channel, purpose: purpose)
        return (policy.decide(message, contact: facts, history: RecentSends([]), now: Self.now), policy.lawfulBasis(message, contact: facts))
    }

    @Test func aFrenchLeadsWorkAddressIsProspectedOnLegitimateInterest() {
        let (decision, basis) = decide(.email, contact())
        #expect(decision == .send)
        #expect(basis == .legitimateInterest)
    }

    @Test func consentWinsAndTransactionalRestsOnTheContract() {
        #expect(decide(.email, contact(consent: true)).1 == .consent)
        #expect(decide(.email, contact(), isLead: false, purpose: .transactional).1 == .contract)
    }

    @Test(arguments: [
        ("not a lead", false, "claire@atelier-lila.fr", nil as String?, nil as Bool?),
        ("a webmail address", true, "claire.martin@gmail.com", nil, nil),
        ("an ISP address", true, "claire@orange.fr", nil, nil),
        ("a British lead", true, "claire@atelier.co.uk", nil, nil),
        ("a lead said to be German", true, "claire@atelier-lila.com", "DE", nil),
        ("a lead who refused", true, "claire@atelier-lila.fr", nil, false),
    ])
    func theseNeedConsent(name: String, isLead: Bool, email: String, country: String?, consent: Bool?) {
        let (decision, basis) = decide(.email, contact(email: email, country: country, consent: consent), isLead: isLead)
        #expect(decision == .skip(.noConsent), "\(name)")
        #expect(basis == nil, "\(name)")
    }

    @Test func smsAndWhatsAppAlwaysNeedConsent() {
        let lead = contact(phone: "+33612345678")
        #expect(decide(.sms, lead).0 == .skip(.noConsent))
        #expect(decide(.whatsapp, lead).0 == .skip(.noConsent))
    }

    @Test func theTenantChoosesItsCountries() {
        let belgian = contact(email: "jan@brouwerij.be")
        #expect(decide(.email, belgian).0 == .skip(.noConsent), "France only by default")
        #expect(decide(.email, belgian, rules: ProspectingRules(emailCountries: ["FR", "BE"])).1 == .legitimateInterest)
        #expect(decide(.email, contact(), rules: .consentOnly).0 == .skip(.noConsent))
        let unknown = contact(email: "sam@studio-copper.com")
        #expect(decide(.email, unknown).1 == .legitimateInterest, "an unknown country counts as the default, France")
        #expect(decide(.email, unknown, rules: ProspectingRules(emailCountries: ["FR"], defaultCountry: nil)).0 == .skip(.noConsent))
    }

    @Test func theCountryComesFromTheAttributeThePhoneOrTheDomain() {
        #expect(ProspectingRules.country(of: contact(country: "be")) == "BE")
        #expect(ProspectingRules.country(of: contact(email: "a@b.com", phone: "+44 7700 900123")) == "GB")
        #expect(ProspectingRules.country(of: contact(email: "a@b.com", phone: "+352 621 123 456")) == "LU")
        #expect(ProspectingRules.country(of: contact(email: "a@atelier.ma")) == "MA")
        #expect(ProspectingRules.country(of: contact(email: "a@atelier.com")) == nil)
    }
}
