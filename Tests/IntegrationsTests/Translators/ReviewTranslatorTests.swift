import AutopilotCore
import Foundation
import Integrations
import Testing

/// Judge.me and Yotpo review webhooks, signed (or keyed) as each vendor sends them, through `WebhookInbox`.
@Suite("Review apps — Judge.me and Yotpo")
struct ReviewTranslatorTests {
    static let judgeMeSecret = "jdgm-oauth-client-secret-7f3a"
    static let judgeMe = """
        {"review": {"id": 418239057, "title": "Déçue", "body": "Le thé est arrivé éventé.", "rating": 2, "product_external_id": 7981234567890,
         "product_title": "Thé vert Sencha", "product_handle": "the-vert-sencha", "reviewer": {"id": 77, "external_id": 7077410021556,
         "email": "Camille@Example.fr", "name": "Camille D."}, "source": "email", "curated": "not-yet", "published": true, "hidden": false,
         "verified": "buyer", "created_at": "2026-03-10T09:15:00.000+01:00", "updated_at": "2026-03-10T09:15:00.000+01:00",
         "pictures": [{"urls": {"original": "https://judgeme.imgix.net/p.jpg"}, "hidden": false}]}}
        """
    static let yotpo = """
        {"event": "review_create", "data": {"id": "219", "title": "Parfait", "content": "Très bon café", "user_id": "209", "score": "5",
         "deleted": "false", "archived": "false", "app_key": "StmYvzud6bHLtosn5k5DoGoA7M0kghzjMdH25DST",
         "created_at": "2026-03-10 14:12:13 UTC", "updated_at": "2026-03-10 14:12:13 UTC", "new": "true", "user_type": "verifiedBuyer",
         "verified_buyer": "true", "order": {"id": 523556, "external_id": "1002"}, "customer_email": "bob@example.com",
         "external_product_id": "COF-02"}}
        """
    static let yotpoURL = "https://autopilot.example.com/v1/webhooks/yotpo/tk_9a7c?key=yk_51f0e2d"

    static func judgeMe(_ body: String, secret: String = judgeMeSecret, signWith: String? = nil) -> WebhookOutcome {
        let bytes = Array(body.utf8)
        let headers = ["JUDGEME-HMAC-SHA256": JudgeMeSignature(secret: signWith ?? secret).sign(bytes), "Content-Type": "application/json"]
        return WebhookInbox().process(provider: .judgeme, headers: headers, rawBody: bytes, url: "", secret: secret, now: Deliveries.now)
    }

    static func yotpo(_ body: String, url: String = yotpoURL) -> WebhookOutcome {
        WebhookInbox().process(
            provider: .yotpo, headers: ["Content-Type": "application/json"], rawBody: Array(body.utf8), url: url, secret: "yk_51f0e2d",
            now: Deliveries.now)
    }

    static func event(_ outcome: WebhookOutcome) throws -> JSONValue {
        guard case .accepted(let acceptance) = outcome else { throw Failure("expected accepted, got \(outcome)") }
        return try #require(acceptance.events.first)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    @Test func aJudgeMeReviewIsAReviewSubmittedByItsReviewer() throws {
        let event = try Self.event(Self.judgeMe(Self.judgeMe))
        #expect(event["type"] == "review.submitted")
        #expect(event["idempotency_key"] == "judgeme:review:418239057")
        #expect(event["occurred_at"] == "2026-03-10T08:15:00Z")
        #expect(event["contact"]?["email"] == "camille@example.fr")
        let properties = try #require(event["properties"])
        #expect(properties["rating"]?.doubleValue == 2)
        #expect(properties["text"] == "Déçue — Le thé est arrivé éventé.")
        #expect(properties["product_id"] == "7981234567890" && properties["product_handle"] == "the-vert-sencha")
        #expect(properties["has_photo"] == true)
        #expect(properties["order_id"] == nil, "Judge.me names no order: the engine finds it")
    }

    @Test func aJudgeMeReviewSignedWithAnotherSecretOrAlteredIsRefused() throws {
        guard case .rejected(let wrong) = Self.judgeMe(Self.judgeMe, signWith: "another-secret") else { Issue.record("accepted"); return }
        #expect(wrong.reason == .badSignature)
        let bytes = Array(Self.judgeMe.utf8)
        let altered = Self.judgeMe.replacingOccurrences(of: "\"rating\": 2", with: "\"rating\": 5")
        let outcome = WebhookInbox().process(
            provider: .judgeme, headers: ["JUDGEME-HMAC-SHA256": JudgeMeSignature(secret: Self.judgeMeSecret).sign(bytes)],
            rawBody: Array(altered.utf8), url: "", secret: Self.judgeMeSecret, now: Deliveries.now)
        guard case .rejected(let tampered) = outcome else { Issue.record("accepted"); return }
        #expect(tampered.reason == .badSignature)
        let unsigned = WebhookInbox().process(
            provider: .judgeme, headers: [:], rawBody: bytes, url: "", secret: Self.judgeMeSecret, now: Deliveries.now)
        guard case .rejected(let missing) = unsigned else { Issue.record("accepted"); return }
        #expect(missing.reason == .missingSignature)
    }

    @Test func aJudgeMeRatingOutOfRangeNamesTheField() {
        let outcome = Self.judgeMe(Self.judgeMe.replacingOccurrences(of: "\"rating\": 2", with: "\"rating\": 9"))
        guard case .invalid(let error) = outcome else { Issue.record("\(outcome)"); return }
        #expect(error.field == "review.rating")
    }

    @Test func aYotpoReviewReadsStringsAndItsOrder() throws {
        let event = try Self.event(Self.yotpo(Self.yotpo))
        #expect(event["idempotency_key"] == "yotpo:review:219")
        #expect(event["occurred_at"] == "2026-03-10T14:12:13Z")
        #expect(event["contact"]?["email"] == "bob@example.com")
        let properties = try #require(event["properties"])
        #expect(properties["rating"]?.doubleValue == 5)
        #expect(properties["order_id"] == "1002")
        #expect(properties["text"] == "Parfait — Très bon café")
        #expect(properties["has_photo"] == false)
    }

    @Test func yotpoNeedsTheURLKeyAndDeletedReviewsAreIgnored() {
        guard case .rejected(let none) = Self.yotpo(Self.yotpo, url: "https://autopilot.example.com/v1/webhooks/yotpo/tk_9a7c") else {
            Issue.record("accepted without a key")
            return
        }
        #expect(none.reason == .missingSignature)
        guard case .rejected(let wrong) = Self.yotpo(Self.yotpo, url: "https://autopilot.example.com/v1/webhooks/yotpo/tk_9a7c?key=guess") else {
            Issue.record("accepted with a wrong key")
            return
        }
        #expect(wrong.reason == .badSignature)
        guard case .ignored(_, let reason) = Self.yotpo(Self.yotpo.replacingOccurrences(of: "\"deleted\": \"false\"", with: "\"deleted\": true"))
        else {
            Issue.record("a deleted review was recorded")
            return
        }
        #expect(reason.code == "status_without_event")
        guard case .ignored(_, let anonymous) = Self.yotpo(Self.yotpo.replacingOccurrences(of: "\"customer_email\": \"bob@example.com\",", with: ""))
        else {
            Issue.record("an anonymous review was recorded")
            return
        }
        #expect(anonymous.code == "no_contact")
    }
}
