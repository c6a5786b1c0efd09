import AutopilotCore
import Foundation
import LLM
import Testing

@Suite("JSON Schema subset validator")
struct JSONSchemaValidatorTests {
    static let cases: [(value: JSONValue, schema: JSONValue, violations: [String])] = [
        ("hello", ["type": "string"], []),
        (3, ["type": "string"], ["$: expected string, found integer"]),
        (3, ["type": "integer"], []),
        (3.5, ["type": "integer"], ["$: expected integer, found number"]),
        (3.5, ["type": "number", "minimum": 4], ["$: below the minimum 4.0"]),
        (11, ["type": "integer", "maximum": 10], ["$: above the maximum 10.0"]),
        (.null, ["type": ["string", "null"]], []),
        ("ab", ["type": "string", "minLength": 3], ["$: shorter than 3 characters (2)"]),
        ("abcd", ["type": "string", "maxLength": 3], ["$: longer than 3 characters (4)"]),
        ("é🙂", ["type": "string", "maxLength": 2], []),
        ("c", ["enum": ["a", "b"]], [#"$: must be one of ["a","b"]"#]),
        ([1, "x"], ["type": "array", "items": ["type": "integer"]], ["$[1]: expected integer, found string"]),
        ([], ["type": "array", "minItems": 1], ["$: fewer than 1 items"]),
        (["a": 1], ["type": "object", "required": ["a", "b"]], ["$.b: is required"]),
        (
            ["a": 1, "z": 2], ["type": "object", "properties": ["a": ["type": "integer"]], "additionalProperties": false],
            ["$.z: is not an allowed property"]
        ),
        (
            ["a": ["b": ["c": "x"]]],
            [
                "type": "object",
                "properties": [
                    "a": [
                        "type": "object",
                        "properties": [
                            "b": [
                                "type": "object",
                                "properties": [
                                    "c": ["type": "boolean"]
                                ],
                            ]
                        ],
                    ]
                ],
            ],
            ["$.a.b.c: expected boolean, found string"]
        ),
    ]

    @Test(arguments: cases)
    func validates(_ testCase: (value: JSONValue, schema: JSONValue, violations: [String])) {
        let found = JSONSchemaValidator.violations(of: testCase.value, against: testCase.schema).map(\.description)
        #expect(found == testCase.violations)
    }

    @Test func jsonTextRoundTrips() throws {
        let value: JSONValue = ["b": [1, 2.5, "x\n\"y\"", .null, true], "a": ["nested": "é\u{1}"]]
        #expect(value.jsonString == #"{"b":[1,2.5,"x\n\"y\"",null,true],"a":{"nested":"é\u0001"}}"#)
        #expect(try JSONValue.parse(value.jsonString) == value)
        #expect(throws: LLMError.self) { try JSONValue.parse("{\"a\":") }
    }
}
