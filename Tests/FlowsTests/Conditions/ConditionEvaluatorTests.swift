import AutopilotCore
import Flows
import Testing

@Suite("Condition evaluation and null semantics")
struct ConditionEvaluatorTests {
    static let scope: JSONObject = [
        "cart": ["value": 80, "currency": "EUR"],
        "contact": ["locale": "fr", "tags": ["vip", "newsletter"], "consents": ["sms": true], "attributes": ["visits": "3"]],
        "event": ["rating": 2, "old_price": 0, "new_price": 10],
    ]

    @Test(arguments: [
        ("cart.value >= 50 and contact.locale == \"fr\"", true),
        ("cart.value >= 50 and contact.locale == \"en\"", false),
        ("event.rating <= 2", true),
        ("event.rating < 2", false),
        ("\"vip\" in contact.tags", true),
        ("\"gold\" in contact.tags", false),
        ("contact.locale in [\"fr\", \"en\"]", true),
        ("contact.locale not in [\"fr\", \"en\"]", false),
        ("cart.value * 2 - 10 == 150", true),
        ("cart.value / 4 == 20", true),
        ("contact.consents.sms", true),
        ("not contact.consents.sms", false),
        // Missing values read as null.
        ("contact.birthdate == null", true),
        ("contact.birthdate != null", false),
        ("contact.birthdate == \"2000-01-01\"", false),
        ("contact.birthdate != \"2000-01-01\"", true),
        ("cart.discount > 0", false),
        ("cart.discount <= 0", false),
        ("cart.discount + 1 > 0", false),
        ("contact.consents.email", false),
        ("not contact.consents.email", true),
        ("contact.consents.email or cart.value > 1", true),
        ("null in [1, null]", true),
        ("cart.discount in [1, 2]", false),
        // Division by zero gives null, so comparisons with it are false.
        ("(event.old_price - event.new_price) / event.old_price >= 0.05", false),
        ("(event.old_price - event.new_price) / event.old_price < 0.05", false),
        // A value of another kind (free-form attributes) is unequal and unordered.
        ("contact.attributes.visits == 3", false),
        ("contact.attributes.visits > 1", false),
        ("contact.attributes.visits == \"3\"", true),
        ("-event.rating == -2", true),
        ("contact.locale < \"g\"", true),
    ])
    func evaluates(source: String, expected: Bool) throws {
        let condition = try Condition.parse(source).get()
        #expect(condition.holds(in: Self.scope) == expected, "\(source)")
    }

    @Test func numericValueOfAnExpression() throws {
        let condition = try Condition.parse("cart.value / 8 - 3").get()
        #expect(condition.value(in: Self.scope) == .number(7))
        #expect(try Condition.parse("cart.missing * 2").get().value(in: Self.scope) == .null)
    }
}
