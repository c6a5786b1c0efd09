import Foundation
import Integrations
import Testing

/// Tampered bodies, wrong secrets, missing and malformed headers: each refused with the reason the HTTP layer reports.
@Suite("Signature failures")
struct SignatureFailureTests {
    static let body = Array(#"{"id":820982911946154508,"email":"jon@example.com","total_price":"59.90"}"#.utf8)

    @Test func shopify() {
        let good = ShopifySignature(secret: "shpss_app_secret").sign(Self.body)
        let verifier = ShopifySignature(secret: "shpss_app_secret")
        #expect(failureReason { try verifier.verify(body: Self.body, signature: good) } == nil)
        #expect(failureReason { try verifier.verify(body: Self.body + [0x0A], signature: good) } == .badSignature)
        #expect(failureReason { try verifier.verify(body: Array(Self.body.dropLast()), signature: good) } == .badSignature)
        #expect(failureReason { try ShopifySignature(secret: "another").verify(body: Self.body, signature: good) } == .badSignature)
        #expect(failureReason { try verifier.verify(body: Self.body, headers: [:]) } == .missingSignature)
        #expect(failureReason { try verifier.verify(body: Self.body, signature: "not base64!") } == .malformedSignature)
        #expect(failureReason { try verifier.verify(body: Self.body, signature: "c2hvcnQ=") } == .malformedSignature)
        #expect(failureReason { try ShopifySignature(secret: "").verify(body: Self.body, signature: good) } == .missingSecret)
    }

    @Test func shopifyHeaderNameIsCaseInsensitive() {
        let verifier = ShopifySignature(secret: "k")
        let signature = verifier.sign(Self.body)
        for name in ["X-Shopify-Hmac-Sha256", "x-shopify-hmac-sha256", "X-SHOPIFY-HMAC-SHA256", "X-Shopify-Hmac-SHA256"] {
            #expect(failureReason { try verifier.verify(body: Self.body, headers: WebhookHeaders([name: signature])) } == nil)
        }
    }

    @Test func wooCommerce() {
        let verifier = WooCommerceSignature(secret: "wc_secret")
        let good = verifier.sign(Self.body)
        #expect(failureReason { try verifier.verify(body: Self.body, signature: good) } == nil)
        #expect(failureReason { try verifier.verify(body: Self.body.reversed(), signature: good) } == .badSignature)
        #expect(failureReason { try WooCommerceSignature(secret: "wc_secreT").verify(body: Self.body, signature: good) } == .badSignature)
        #expect(failureReason { try verifier.verify(body: Self.body, headers: ["X-WC-Webhook-Topic": "order.created"]) } == .missingSignature)
        #expect(failureReason { try verifier.verify(body: Self.body, signature: "   ") } == .malformedSignature)
    }

    @Test func wooCommerceDecodesEntitiesInTheSecretLikeWordPress() {
        let raw = { (key: String) in ShopifySignature(secret: key).sign(Self.body) }
        #expect(WooCommerceSignature(secret: "a&amp;b&lt;c&#039;d&quot;").sign(Self.body) == raw("a&b<c'd\""))
        #expect(WooCommerceSignature(secret: "a&b&unknown;&#x27;").sign(Self.body) == raw("a&b&unknown;'"))
        #expect(WooCommerceSignature(secret: "x&amp;amp;").sign(Self.body) == raw("x&amp;"))
        #expect(WooCommerceSignature(secret: "plain-secret").sign(Self.body) == raw("plain-secret"))
    }

    static let signedAt: Int64 = 1_767_225_600
    static let stripe = StripeSignature(secret: "whsec_5b1f3a")

    @Test(arguments: [
        (-600.0, SignatureFailure.Reason?.some(.futureTimestamp)), (-301, .futureTimestamp), (-300, nil), (0, nil), (299, nil), (300, nil),
        (301, .staleTimestamp), (86_400, .staleTimestamp),
    ])
    func stripeTolerance(secondsAfterSigning: Double, expected: SignatureFailure.Reason?) {
        let header = Self.stripe.header(for: Self.body, timestamp: Self.signedAt)
        let now = Date(timeIntervalSince1970: TimeInterval(Self.signedAt) + secondsAfterSigning)
        #expect(failureReason { try Self.stripe.verify(body: Self.body, header: header, now: now) } == expected)
    }

    @Test func stripeRefusals() {
        let now = Date(timeIntervalSince1970: TimeInterval(Self.signedAt + 10))
        let v1 = Self.stripe.sign(Self.body, timestamp: Self.signedAt)
        let cases: [(String?, SignatureFailure.Reason?)] = [
            ("t=\(Self.signedAt),v1=\(v1)", nil),
            (" t=\(Self.signedAt) , v1=\(v1) ", nil),
            ("t=\(Self.signedAt),v0=\(v1)", .malformedSignature),
            ("t=\(Self.signedAt),v1=\(v1.uppercased())", nil),
            ("t=\(Self.signedAt + 1),v1=\(v1)", .badSignature),
            ("t=\(Self.signedAt),v1=\(String(v1.dropLast()))0", .badSignature),
            ("t=\(Self.signedAt),v1=zz", .badSignature),
            ("v1=\(v1)", .missingTimestamp),
            ("t=yesterday,v1=\(v1)", .malformedSignature),
            ("t=\(Self.signedAt),v1", .malformedSignature),
            ("", .missingTimestamp),
            (nil, .missingSignature),
        ]
        for (header, expected) in cases {
            #expect(failureReason { try Self.stripe.verify(body: Self.body, header: header, now: now) } == expected, "header \(header ?? "nil")")
        }
        let header = "t=\(Self.signedAt),v1=\(v1)"
        #expect(failureReason { try Self.stripe.verify(body: Self.body + [0x20], header: header, now: now) } == .badSignature)
        #expect(failureReason { try StripeSignature(secret: "whsec_other").verify(body: Self.body, header: header, now: now) } == .badSignature)
    }

    @Test func aForgedStaleRequestIsABadSignatureFirst() {
        let now = Date(timeIntervalSince1970: TimeInterval(Self.signedAt + 3_600))
        let forged = "t=\(Self.signedAt),v1=\(String(repeating: "ab", count: 32))"
        #expect(failureReason { try Self.stripe.verify(body: Self.body, header: forged, now: now) } == .badSignature)
    }

    @Test func slack() {
        let slack = SlackSignature(signingSecret: "8f742231b10e8888abcd99yyyzzz85a5")
        let body = Array("token=x&team_id=T1&text=hello".utf8)
        let timestamp = "1767225600"
        let signature = slack.sign(body, timestamp: timestamp)
        let now = Date(timeIntervalSince1970: 1_767_225_600)
        #expect(failureReason { try slack.verify(body: body, timestamp: timestamp, signature: signature, now: now) } == nil)
        #expect(failureReason { try slack.verify(body: body + [0x26], timestamp: timestamp, signature: signature, now: now) } == .badSignature)
        #expect(failureReason { try slack.verify(body: body, timestamp: "1767225601", signature: signature, now: now) } == .badSignature)
        #expect(failureReason { try slack.verify(body: body, timestamp: nil, signature: signature, now: now) } == .missingTimestamp)
        #expect(failureReason { try slack.verify(body: body, timestamp: timestamp, signature: nil, now: now) } == .missingSignature)
        #expect(
            failureReason { try slack.verify(body: body, timestamp: timestamp, signature: "v1=" + signature.dropFirst(3), now: now) }
                == .malformedSignature)
        #expect(
            failureReason { try slack.verify(body: body, timestamp: timestamp, signature: signature, now: now.addingTimeInterval(301)) }
                == .staleTimestamp)
        #expect(
            failureReason { try slack.verify(body: body, timestamp: timestamp, signature: signature, now: now.addingTimeInterval(-301)) }
                == .futureTimestamp)
        let headers: WebhookHeaders = ["x-slack-signature": signature, "x-slack-request-timestamp": timestamp]
        #expect(failureReason { try slack.verify(body: body, headers: headers, now: now) } == nil)
    }
}
