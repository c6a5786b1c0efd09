import AutopilotCore
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    @Test func parsesDocumentsAndKeepsKeyOrder() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": [true, null, -2.5e3, "x\u00e9\ud83d\ude00\n"], "c": {}}"#)
        #expect(value["b"] == .int(1))
        #expect(value["a"]?.arrayValue == [.bool(true), .null, .double(-2500), .string("xé😀\n")])
        #expect(value.objectValue?.keys == ["b", "a", "c"])
        #expect(value.jsonString == #"{"b":1,"a":[true,null,-2500,"xé😀\n"],"c":{}}"#)
    }

    @Test(arguments: [
        ("", "unexpected end of input"), ("{", "expected a string key"), (#"{"a" 1}"#, "expected ':'"), ("[1,]", "unexpected character"),
        ("01", "unexpected content"), (#""\x""#, "invalid escape"), (#""\ud800""#, "unpaired surrogate"), ("tru", "invalid literal"),
        ("{} {}", "unexpected content"), ("1e999", "out of range"), ("\"a\nb\"", "control character"),
    ])
    func refusesMalformedDocuments(text: String, reason: String) {
        #expect {
            _ = try JSONParser.parse(text)
        } throws: { error in
            (error as? JSONParser.SyntaxError)?.message.contains(reason) == true
        }
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(deep) }
    }

    @Test func reportsLineAndColumn() {
        #expect {
            _ = try JSONParser.parse("{\n  \"a\": ?\n}")
        } throws: { error in
            guard let error = error as? JSONParser.SyntaxError else { return false }
            return error.line == 2 && error.column == 8
        }
    }
}
