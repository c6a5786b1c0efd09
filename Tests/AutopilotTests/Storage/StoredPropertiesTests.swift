import AutopilotCore
import Foundation
import Storage
import Testing

/// The stored form of event properties: shorter, and exactly the same JSON when read back, whatever the JSON holds.
@Suite("Storage — event properties stored compactly")
struct StoredPropertiesTests {
    static let documents: [String] = [
        #"{"message_id":"nl22-c177","channel":"email","template":"newsletter-2026-08-22","subject":"La rentrée","provider":"brevo","kind":"marketing"}"#,
        #"{"cart_id":"K177-2","lines":[{"sku":"COS-10","quantity":1,"price":19.9}],"value":19.9,"currency":"EUR","checkout_url":"https://x.example/c"}"#,
        #"{"consents":{"email":true,"sms":false,"whatsapp":false,"source":"checkout"}}"#,
        #"{"text":"she wrote \"order_id\": and \"sku\":\"x\" in her review","rating":5,"has_photo":false}"#,
        #"{"note":"tab\tnew line\nquote\"backslash\\ \u0001 control escaped","emoji":"🙂 café"}"#,
        #"{}"#,
        #"{"a":"\"channel\":\"email\""}"#,
        #"{"\"sku\":":"key that looks like a token","lines":[]}"#,
        #"{"order_id":"1001","order_id2":"x","orders":1}"#,
    ]

    @Test(arguments: documents)
    func readsBackTheSameBytes(_ json: String) throws {
        let stored = StoredProperties.encode(json)
        #expect(StoredProperties.decode(stored) == json)
        #expect(stored.utf8.count <= json.utf8.count)
    }

    @Test func theCommonKeysTakeOneOrTwoBytes() {
        let json = #"{"message_id":"m1","channel":"email","kind":"marketing","first_name":"Amina"}"#
        let stored = StoredProperties.encode(json)
        #expect(stored.utf8.count == json.utf8.count - ("\"message_id\":".utf8.count - 1) - ("\"channel\":\"email\"".utf8.count - 1)
            - ("\"kind\":\"marketing\"".utf8.count - 1) - ("\"first_name\":".utf8.count - 2))
        #expect(!stored.contains("message_id") && stored.contains("Amina"))
    }

    @Test func textWrittenBeforeTheCompactFormReadsAsItIs() {
        let json = #"{"order_id":"1001","lines":[{"sku":"TEA-01","quantity":2}]}"#
        #expect(StoredProperties.decode(json) == json)
    }

    /// Whatever the serialiser writes (it escapes every control character) comes back the same after encoding.
    @Test func serialisedValuesReadBackTheSame() throws {
        var generator = SystemRandomNumberGenerator()
        let keys = ["order_id", "sku", "channel", "email", "kind", "lines", "x", "\"sku\":", "a\u{1}b", "currency"]
        let values: [JSONValue] = ["email", "EUR", "marketing", "\u{2}\u{1f}", "\"channel\":\"email\"", .int(3), .bool(true), .null, .double(1.5)]
        for _ in 0..<500 {
            var object = JSONObject()
            for _ in 0..<Int.random(in: 0...6, using: &generator) {
                let value: JSONValue =
                    Bool.random(using: &generator)
                    ? values.randomElement(using: &generator)!
                    : .object([keys.randomElement(using: &generator)!: values.randomElement(using: &generator)!])
                object[keys.randomElement(using: &generator)!] = value
            }
            let json = JSONValue.object(object).jsonString
            #expect(StoredProperties.decode(StoredProperties.encode(json)) == json)
        }
    }
}
