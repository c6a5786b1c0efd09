import AutopilotCore
import Foundation
import Integrations
import Testing

/// Every vector of ../shared/reference/signature_vectors.json, through the verifier of its vendor.
@Suite("Signature reference vectors")
struct SignatureVectorTests {
    @Test func theFileHasVectorsForEveryVendor() {
        let vendors = Set(SignatureVectors.all.compactMap { $0["vendor"]?.stringValue })
        #expect(SignatureVectors.all.count >= 17)
        #expect(vendors == ["shopify", "woocommerce", "stripe", "twilio", "slack"])
    }

    @Test(arguments: SignatureVectors.of("shopify"))
    func shopify(_ vector: SignatureVector) throws {
        let body = Array(vector.string("body").utf8)
        let signature = ShopifySignature(secret: vector.string("secret"))
        #expect(signature.sign(body) == vector.string("expected"))
        try signature.verify(body: body, headers: [ShopifySignature.header: vector.string("expected")])
        #expect(throws: SignatureFailure.self) { try signature.verify(body: body + [0x20], signature: vector.string("expected")) }
    }

    @Test(arguments: SignatureVectors.of("woocommerce"))
    func wooCommerce(_ vector: SignatureVector) throws {
        let body = Array(vector.string("body").utf8)
        let secret = vector.string("secret")
        guard let expected = vector["expected"]?.stringValue else {
            let outcome = WebhookInbox().process(
                provider: .woocommerce, headers: ["User-Agent": "WooCommerce/9.0 Hookshot (WordPress/6.5)"], rawBody: body, url: "",
                secret: secret, now: Date())
            #expect(outcome == .ping)
            #expect(outcome.httpStatus == 200)
            return
        }
        let signature = WooCommerceSignature(secret: secret)
        #expect(signature.sign(body) == expected)
        try signature.verify(body: body, headers: ["x-wc-webhook-signature": expected])
        if let key = vector["effective_key"]?.stringValue {
            #expect(WooCommerceSignature(secret: key).sign(body) == expected)
        }
    }

    @Test(arguments: SignatureVectors.of("stripe"))
    func stripe(_ vector: SignatureVector) throws {
        let body = Array(vector.string("body").utf8)
        let timestamp = try #require(Int64(vector.string("timestamp")))
        let tolerance = vector["tolerance_seconds"]?.doubleValue ?? 300
        let signature = StripeSignature(secret: vector.string("secret"), tolerance: tolerance)
        let header = vector.string("expected")
        let signedAt = Date(timeIntervalSince1970: TimeInterval(timestamp))
        try signature.verify(body: body, header: header, now: signedAt.addingTimeInterval(tolerance - 1))
        #expect(header.contains("v1=" + signature.sign(body, timestamp: timestamp)))
        #expect(
            throws: SignatureFailure(
                .staleTimestamp, "the Stripe-Signature timestamp is \(Int(tolerance) + 1) seconds old (tolerance \(Int(tolerance)) s)")
        ) {
            try signature.verify(body: body, header: header, now: signedAt.addingTimeInterval(tolerance + 1))
        }
    }

    @Test(arguments: SignatureVectors.of("slack"))
    func slack(_ vector: SignatureVector) throws {
        let body = Array(vector.string("body").utf8)
        let timestamp = vector.string("timestamp")
        let signature = SlackSignature(signingSecret: vector.string("secret"))
        let signedAt = Date(timeIntervalSince1970: try #require(TimeInterval(timestamp)))
        #expect(signature.sign(body, timestamp: timestamp) == vector.string("expected"))
        try signature.verify(body: body, timestamp: timestamp, signature: vector.string("expected"), now: signedAt.addingTimeInterval(120))
    }

    @Test(arguments: SignatureVectors.of("twilio"))
    func twilio(_ vector: SignatureVector) throws {
        let url = vector.string("url")
        let expected = vector.string("expected")
        let signature = TwilioSignature(authToken: vector.string("secret"))
        if let body = vector["body"]?.stringValue {
            try signature.verify(url: url, body: Array(body.utf8), headers: [TwilioSignature.header: expected])
            #expect(throws: SignatureFailure.self) {
                try signature.verify(url: url, body: Array((body + " ").utf8), headers: [TwilioSignature.header: expected])
            }
            return
        }
        let parameters = Self.parameters(vector)
        if let stringToSign = vector["string_to_sign"]?.stringValue {
            #expect(TwilioSignature.stringToSign(url, parameters) == stringToSign)
        }
        try signature.verify(url: url, parameters: parameters, signature: expected)
        let form = FormBody(pairs: parameters)
        try signature.verify(url: url, body: form.encoded, headers: ["x-twilio-signature": expected])
        #expect(FormBody(form.encoded) == form)
    }

    static func parameters(_ vector: SignatureVector) -> [FormField] {
        if let pairs = vector["params_pairs"]?.arrayValue {
            return pairs.compactMap { pair in
                guard let items = pair.arrayValue, items.count == 2, let name = items[0].stringValue, let value = items[1].stringValue else {
                    return nil
                }
                return FormField(name: name, value: value)
            }
        }
        return (vector["params"]?.objectValue ?? JSONObject()).map { FormField(name: $0.key, value: $0.value.stringValue ?? "") }
    }
}
