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

    /// The serialiser writes bytes: every escape and every non-ASCII character comes out as the text it always was (the
    /// stored events' format depends on it), and the text parses back to the same value.
    @Test func writesEscapesAndUnicodeAsBeforeAndParsesBack() throws {
        let value: JSONValue = [
            "quote\"key": "a \"quoted\" \\ path", "controls": .string("tab\tline\nreturn\r bell\u{07} nul-ish\u{1F}"),
            "unicode": "é e\u{301} 😀 👩‍👩‍👧 中文", "numbers": [.int(-42), .double(0.1), .double(1e300), .double(2.0), .double(.infinity)],
            "nested": ["empty": [:], "list": [], "null": .null, "yes": true, "no": false],
        ]
        let expected =
            #"{"quote\"key":"a \"quoted\" \\ path","controls":"tab\tline\nreturn\r bell\u0007 nul-ish\u001f","#
            + "\"unicode\":\"é e\u{301} 😀 👩‍👩‍👧 中文\"," + #""numbers":[-42,0.1,1e+300,2,null],"#
            + #""nested":{"empty":{},"list":[],"null":null,"yes":true,"no":false}}"#
        #expect(value.jsonString == expected)
        #expect(value.jsonBytes == Array(expected.utf8))
        var appended = "prefix "
        value.write(to: &appended)
        #expect(appended == "prefix " + expected)
        let reparsed = try JSONParser.parse(expected)
        #expect(reparsed["unicode"] == value["unicode"] && reparsed["controls"] == value["controls"] && reparsed["quote\"key"] == value["quote\"key"])
        #expect(reparsed.jsonString == expected)
    }

    /// Integers of up to 18 digits are read from the bytes; longer ones as before (an integer while it fits, else a double).
    @Test func readsIntegersAtEveryLength() throws {
        let cases: [(String, JSONValue)] = [
            ("0", .int(0)), ("-0", .int(0)), ("7", .int(7)), ("-42", .int(-42)), ("123456789012345678", .int(123_456_789_012_345_678)),
            ("-999999999999999999", .int(-999_999_999_999_999_999)), ("9223372036854775807", .int(.max)),
            ("-9223372036854775808", .int(.min)), ("99999999999999999999", .double(1e20)), ("12.5", .double(12.5)), ("1e3", .double(1000)),
        ]
        for (text, expected) in cases {
            #expect(try JSONParser.parseRequest(Array("[\(text)]".utf8)) == .array([expected]), "\(text)")
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
