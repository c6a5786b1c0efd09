import Flows
import Testing

@Suite("Condition type checker")
struct ConditionCheckerTests {
    static let schema = ConditionSchema(roots: [
        "cart": .object(["value": .value(.number), "currency": .value(.string)]),
        "contact": .object([
            "locale": .value(.string), "tags": .value(.list(.string)), "attributes": .open,
            "consents": .object(["sms": .value(.bool)]),
        ]),
        "event": .object(["rating": .value(.number), "has_photo": .value(.bool)]),
    ])

    @Test(arguments: [
        "cart.value >= 50 and contact.locale == \"fr\"",
        "event.rating <= 2",
        "contact.consents.sms",
        "not contact.consents.sms or event.has_photo",
        "\"vip\" in contact.tags",
        "contact.locale in [\"fr\", \"en\"]",
        "contact.attributes.plan == \"gold\"",
        "contact.attributes.visits * 2 > cart.value",
        "contact.locale == null",
        "(cart.value - 10) / 2 < 100",
        "contact.locale < \"m\"",
    ])
    func acceptsWellTypedConditions(source: String) {
        let result = Condition.compile(source, schema: Self.schema)
        if case .failure(let failure) = result { Issue.record("\(source): \(failure.errors)") }
    }

    @Test(arguments: [
        ("cart.valeu >= 50", ["unknown field \"cart.valeu\": cart has currency, value (column 1)"]),
        ("basket.value > 1", ["unknown field \"basket.value\" (known roots: cart, contact, event) (column 1)"]),
        ("cart.value == \"50\"", ["cannot compare a number with a string using == (column 12)"]),
        ("cart.value + 1", ["the expression is a number, not a boolean (column 12)"]),
        ("contact.locale > 3", ["> needs two numbers or two strings, not a string and a number (column 16)"]),
        ("cart.value and true", ["and needs a boolean, not a number (column 1)"]),
        ("not cart.currency", ["not needs a boolean, not a string (column 5)"]),
        ("cart.value in [\"a\"]", ["a number cannot be in a list of string (column 12)"]),
        ("cart.value in 3", ["in needs a list on its right, not a number (column 15)"]),
        ("[1, \"a\"] == [1]", ["a list mixes number and string (column 1)"]),
        ("cart.value.amount > 1", ["\"cart.value\" has no fields (in \"cart.value.amount\") (column 1)"]),
        ("cart > 1", ["\"cart\" is an object, not a value (column 1)"]),
        (
            "cart.total > 1 or event.stars < 2",
            [
                "unknown field \"cart.total\": cart has currency, value (column 1)",
                "unknown field \"event.stars\": event has has_photo, rating (column 19)",
            ]
        ),
        ("-contact.locale == 1", ["- needs a number, not a string (column 2)"]),
    ])
    func reportsEveryTypeError(source: String, expected: [String]) {
        guard case .failure(let failure) = Condition.compile(source, schema: Self.schema) else {
            Issue.record("\(source) should not type-check")
            return
        }
        #expect(failure.errors.map(\.description) == expected)
    }
}
