import AutopilotCore
import Foundation
import Integrations
import Testing

/// The HubSpot and Pipedrive bodies and answers, as their documentation writes them.
@Suite("CRM wire formats")
struct CRMFormatTests {
    let hubspot = HubSpotFormat(settings: HubSpotSettings(accessToken: "t"))

    @Test func contactsAreUpsertedByEmailWithScoreAndTier() {
        let body = hubspot.contactsUpsert([CRMContact(email: "A@B.example", firstName: "Ana", company: "B", leadScore: 72, leadTier: "warm")])
        let input = body["inputs"]?.arrayValue?.first
        #expect(input?["id"] == "a@b.example" && input?["idProperty"] == "email")
        #expect(
            input?["properties"] == [
                "email": "a@b.example", "firstname": "Ana", "company": "B", "autopilot_lead_score": "72", "autopilot_lead_tier": "warm",
            ])
    }

    @Test func dealsAreUpsertedByTheirKeyProperty() {
        let deal = CRMDeal(
            key: "order:9", title: "Order 9", stage: .won, contactEmail: "a@b.example", amount: 1_234.5, currency: "EUR",
            occurredAt: Fixtures.date("2026-03-01T10:00:00Z"))
        let input = hubspot.dealsUpsert([deal])["inputs"]?.arrayValue?.first
        #expect(input?["idProperty"] == "autopilot_deal_key" && input?["id"] == "order:9")
        #expect(input?["properties"]?["amount"] == "1234.50" && input?["properties"]?["dealstage"] == "closedwon")
        #expect(input?["properties"]?["closedate"] == "2026-03-01T10:00:00Z")
        #expect(CRMDeal(json: deal.json) == deal)
    }

    @Test func aPartialBatchAnswerNamesTheRecordsItMissed() throws {
        let answer = try JSONParser.parse(
            #"{"status":"COMPLETE","results":[{"id":"51","properties":{"email":"a@b.example"}}],"errors":[{"status":"error","message":"Property \"x\" does not exist"}]}"#
        )
        let outcome = HubSpotFormat.upsertOutcome(answer, keys: ["a@b.example", "c@d.example"], idProperty: "email")
        #expect(outcome.ids == ["a@b.example": "51"])
        #expect(outcome.errors == ["c@d.example": "Property \"x\" does not exist"])
    }

    @Test func pipedriveBodiesCarryTheConfiguredFields() throws {
        let format = PipedriveFormat(settings: PipedriveSettings(apiToken: "t", dealScoreField: "abc123", dealTierField: "def456"))
        let deal = CRMDeal(
            key: "lead:1", title: "Lead: B", stage: .lead, contactEmail: "a@b.example", leadScore: 80, leadTier: "hot",
            occurredAt: Fixtures.date("2026-03-01T10:00:00Z"))
        let body = format.deal(deal, personID: "42")
        #expect(body["person_id"] == 42 && body["status"] == "open" && body["abc123"] == 80 && body["def456"] == "hot")
        #expect(PipedriveFormat.createdID(try JSONParser.parse(#"{"success":true,"data":{"id":7}}"#)) == "7")
        #expect(PipedriveFormat.foundID(try JSONParser.parse(#"{"success":true,"data":{"items":[{"result_score":1,"item":{"id":9}}]}}"#)) == "9")
        #expect(PipedriveFormat.foundID(try JSONParser.parse(#"{"success":true,"data":{"items":[]}}"#)) == nil)
    }
}
