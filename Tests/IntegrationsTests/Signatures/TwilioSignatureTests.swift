import Foundation
import Integrations
import Testing

@Suite("Twilio signature")
struct TwilioSignatureTests {
    static let token = "b2f6a8e0c4d1e9f7a3b5c7d9e1f3a5b7"
    static let url = "https://shop.example.com/v1/webhooks/twilio/tk_9f8e?kind=status"
    static let form = FormBody(pairs: [
        FormField(name: "MessageSid", value: "SM5b6f2c1d0e9a8b7c6d5e4f3a2b1c0d9e"),
        FormField(name: "MessageStatus", value: "delivered"),
        FormField(name: "To", value: "+33612345678"),
        FormField(name: "From", value: "+33700000000"),
        FormField(name: "Body", value: "Votre commande #1001 est en route ✓"),
    ])

    @Test func aSignedFormVerifiesFromItsRawBody() {
        let twilio = TwilioSignature(authToken: Self.token)
        let signature = twilio.sign(url: Self.url, parameters: Self.form.pairs)
        #expect(failureReason { try twilio.verify(url: Self.url, body: Self.form.encoded, headers: ["X-Twilio-Signature": signature]) } == nil)
    }

    @Test func tamperingWithAnyPartFails() {
        let twilio = TwilioSignature(authToken: Self.token)
        let signature = twilio.sign(url: Self.url, parameters: Self.form.pairs)
        let tampered = FormBody(pairs: Self.form.pairs.map { $0.name == "MessageStatus" ? FormField(name: $0.name, value: "failed") : $0 })
        #expect(failureReason { try twilio.verify(url: Self.url, parameters: tampered.pairs, signature: signature) } == .badSignature)
        #expect(failureReason { try twilio.verify(url: Self.url + "&x=1", parameters: Self.form.pairs, signature: signature) } == .badSignature)
        #expect(
            failureReason { try twilio.verify(url: Self.url, parameters: Array(Self.form.pairs.dropLast()), signature: signature) } == .badSignature)
        #expect(
            failureReason { try TwilioSignature(authToken: "wrong").verify(url: Self.url, parameters: Self.form.pairs, signature: signature) }
                == .badSignature)
        #expect(failureReason { try twilio.verify(url: Self.url, parameters: Self.form.pairs, signature: nil) } == .missingSignature)
        #expect(failureReason { try twilio.verify(url: Self.url, parameters: Self.form.pairs, signature: "bm90IGEgc2hhMQ==") } == .malformedSignature)
        #expect(
            failureReason { try TwilioSignature(authToken: "").verify(url: Self.url, parameters: Self.form.pairs, signature: signature) }
                == .missingSecret)
        #expect(
            failureReason { try twilio.verify(url: Self.url, body: Array("a=%zz".utf8), headers: ["X-Twilio-Signature": signature]) }
                == .malformedBody)
    }

    @Test func thePortMayBeOnEitherSide() {
        let twilio = TwilioSignature(authToken: Self.token)
        let withoutPort = "https://shop.example.com/hooks?a=1"
        let withPort = "https://shop.example.com:443/hooks?a=1"
        let signedWithout = twilio.sign(url: withoutPort, parameters: Self.form.pairs)
        let signedWith = twilio.sign(url: withPort, parameters: Self.form.pairs)
        #expect(failureReason { try twilio.verify(url: withPort, parameters: Self.form.pairs, signature: signedWithout) } == nil)
        #expect(failureReason { try twilio.verify(url: withoutPort, parameters: Self.form.pairs, signature: signedWith) } == nil)
        let otherPort = "https://shop.example.com:8443/hooks?a=1"
        #expect(failureReason { try twilio.verify(url: otherPort, parameters: Self.form.pairs, signature: signedWith) } == .badSignature)
    }

    @Test func aJSONBodyMustMatchTheHashInTheURL() {
        let twilio = TwilioSignature(authToken: Self.token)
        let body = Array(#"{"event":"delivered"}"#.utf8)
        let otherHash = String(repeating: "0", count: 64)
        let url = "https://shop.example.com/hooks?bodySHA256=\(otherHash)"
        let signature = twilio.sign(url: url, parameters: [])
        #expect(failureReason { try twilio.verify(url: url, body: body, headers: ["X-Twilio-Signature": signature]) } == .badSignature)
    }

    @Test func formBodiesDecodePlusAndPercentEscapes() throws {
        let form = try #require(FormBody(Array("Body=Arr%C3%AAt+svp&From=whatsapp%3A%2B33612345678&Empty=&Flag".utf8)))
        #expect(form["Body"] == "Arrêt svp")
        #expect(form["From"] == "whatsapp:+33612345678")
        #expect(form["Empty"] == "")
        #expect(form["Flag"] == "")
        #expect(FormBody(form.encoded) == form)
    }
}
