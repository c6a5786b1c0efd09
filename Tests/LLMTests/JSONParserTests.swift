import AutopilotCore
import Foundation
import LLM
import Testing

@Suite("JSON text parsing and month arithmetic")
struct JSONParserTests {
    static let valid: [(text: String, value: JSONValue)] = [
        (" {\"a\" : [1, -2.5e2, 0.125, true, false, null]} ", ["a": [1, -250.0, 0.125, true, false, .null]]),
        (#""caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \n\t""#, .string("café 😀 \"q\" \\ / \n\t")),
        (#"{"nested":{"deep":[[],{}]}}"#, ["nested": ["deep": [[], [:]]]]),
        ("\"plain é\"", "plain é"),
        ("0", 0),
    ]

    @Test(arguments: valid)
    func parsesValidJSON(_ testCase: (text: String, value: JSONValue)) throws {
        #expect(try JSONValue.parse(testCase.text) == testCase.value)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "01x", "1.", "-", "\"unterminated", "\"bad \\q\"", "{} {}", "\"tab\there\"", "1e400"])
    func rejectsInvalidJSON(_ text: String) {
        let error = #expect(throws: LLMError.self) { try JSONValue.parse(text) }
        #expect(error?.code == .malformedResponse)
    }

    @Test func agreesWithFoundationOnAProviderAnswer() throws {
        let text = #"{"id":"x","choices":[{"message":{"content":"Bonjour, voici « 3 » idées…\n- a"}}],"usage":{"prompt_tokens":12}}"#
        let ours = try JSONValue.parse(text)
        let theirs = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(ours == theirs)
    }

    @Test(arguments: [0.0, 1_790_000_000, 951_782_400, 951_868_799, 4_102_444_800, -86_400, 1_709_251_199, 1_709_251_200])
    func usageMonthMatchesTheGregorianCalendar(_ seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month], from: date)
        #expect(UsageMonth(containing: date) == UsageMonth(year: parts.year ?? 0, month: parts.month ?? 0))
    }
}
