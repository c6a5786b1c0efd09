import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// B2B leads are nurtured on legitimate interest where the tenant prospects (France by default): a lead's professional
/// address without consent gets the nurture email with an opt-out, a webmail address waits for consent, a form's ticked
/// box is kept with its words and time, and the message log says which basis allowed each email.
@Suite("Lead nurture — lawful basis")
struct LawfulBasisNurtureTests {
    static let now = Fixtures.date("2026-03-10T09:00:00Z")
    static let checkbox = "J'accepte d'être recontactée par email au sujet de ma demande."

    static func lead(_ email: String, number: Int, consents: JSONValue? = nil) -> [JSONValue] {
        var profile: JSONObject = ["first_name": "Claire", "locale": "fr", "timezone": "Europe/Paris"]
        if let consents { profile["consents"] = consents }
        return [
            Fixtures.envelope("contact.created", at: "2026-03-10T08:00:00Z", key: "c-\(number)", contact: ["email": .string(email)], properties: .object(profile)),
            Fixtures.envelope(
                "lead.created", at: "2026-03-10T08:30:00Z", key: "lead-\(number)", contact: ["email": .string(email)],
                properties: ["lead_id": .string("L\(number)"), "message": "Boutique Shopify, budget 300€ par mois, projet dans 6 mois."]),
        ]
    }

    @Test func professionalAddressesAreProspectedWithAnOptOutAndTheBasisIsLogged() async throws {
        let shop = try await TestShop.make(at: Self.now)
        try await shop.ingest(Self.lead("claire@atelier-lila.fr", number: 1))
        try await shop.ingest(Self.lead("julie.martin@gmail.com", number: 2))
        try await shop.ingest(
            Self.lead("nora@studio-safran.fr", number: 3, consents: ["email": true, "source": "website_form", "text": .string(Self.checkbox)]))
        try await TestWorker.make(shop.dependencies).runDue(now: Self.now)

        let messages = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID).filter { $0.template == "lead-nurture-1" }
        let claire = try #require(messages.first { $0.contact == "claire@atelier-lila.fr" })
        #expect(claire.status == "sent", "\(claire.status) \(claire.blockedReason ?? "")")
        #expect(claire.lawfulBasis == "legitimate_interest")
        #expect(claire.body?.contains("/u/") == true, "every prospecting email carries its unsubscribe link")
        let julie = try #require(messages.first { $0.contact == "julie.martin@gmail.com" })
        #expect(julie.status == "skipped" && julie.blockedReason == "no_consent", "a webmail address is a person's own: consent needed")
        #expect(julie.lawfulBasis == nil)
        let nora = try #require(messages.first { $0.contact == "nora@studio-safran.fr" })
        #expect(nora.status == "sent" && nora.lawfulBasis == "consent")

        let noraID = try #require(try await shop.store.contactID(email: "nora@studio-safran.fr", tenantID: shop.tenantID))
        let record = try #require(try await shop.store.contacts(ids: [noraID], tenantID: shop.tenantID)[noraID]?.attributes["consent_record"])
        #expect(record["text"]?.stringValue == Self.checkbox)
        #expect(record["at"] == "2026-03-10T08:00:00Z")
        #expect(record["source"] == "website_form")
        #expect(record["channels"] == ["email"])
    }

    @Test func aTenantThatProspectsNowhereNeedsConsent() async throws {
        let shop = try await TestShop.make(at: Self.now)
        try await ShopSettings.update(
            ["prospecting.email_countries": "none"], store: shop.store, tenantID: shop.tenantID, cipher: nil, now: Self.now)
        try await shop.ingest(Self.lead("claire@atelier-lila.fr", number: 1))
        try await TestWorker.make(shop.dependencies).runDue(now: Self.now)
        let claire = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID).first { $0.template == "lead-nurture-1" }
        #expect(claire?.status == "skipped" && claire?.blockedReason == "no_consent")
        await #expect(throws: ValidationError.self) {
            try await ShopSettings.update(
                ["prospecting.email_countries": "France"], store: shop.store, tenantID: shop.tenantID, cipher: nil, now: Self.now)
        }
    }
}
