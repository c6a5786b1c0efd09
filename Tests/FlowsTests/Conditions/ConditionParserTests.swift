import Flows
import Testing

@Suite("Condition parser")
struct ConditionParserTests {
    @Test(arguments: [
        ("cart.value >= 50 and contact.locale == \"fr\"", "and(>=(cart.value, 50), ==(contact.locale, \"fr\"))"),
        ("event.rating <= 2", "<=(event.rating, 2)"),
        ("a or b and c", "or(a, and(b, c))"),
        ("not a or b", "or(not(a), b)"),
        ("1 + 2 * 3 == 7", "==(+(1, *(2, 3)), 7)"),
        ("(1 + 2) * 3 == 9", "==(*(+(1, 2), 3), 9)"),
        ("-x < 0", "<(neg(x), 0)"),
        ("contact.locale in [\"fr\", \"en\"]", "in(contact.locale, [\"fr\", \"en\"])"),
        ("x not in [1, 2]", "not(in(x, [1, 2]))"),
        ("x == null", "==(x, null)"),
        ("flag == true", "==(flag, true)"),
        ("'single' == s", "==(\"single\", s)"),
        ("2.5 > 1", ">(2.5, 1)"),
        ("a - b - c == 0", "==(-(-(a, b), c), 0)"),
    ])
    func parses(source: String, tree: String) throws {
        let condition = try Condition.parse(source).get()
        #expect(render(condition.expression) == tree)
    }

    @Test(arguments: [
        ("cart.value >=", 14, "the condition is incomplete"),
        ("a = 1", 3, "use == to compare, not ="),
        ("(a == 1", 8, "expected \")\""),
        ("a == \"open", 6, "unterminated string"),
        ("a == 1 b", 8, "unexpected b"),
        ("a. == 1", 4, "expected a field name"),
        ("a == #", 6, "unexpected character \"#\""),
        ("[1, 2", 6, "expected \"]\""),
    ])
    func reportsSyntaxErrorsWithColumn(source: String, column: Int, message: String) {
        guard case .failure(let failure) = Condition.parse(source) else {
            Issue.record("\(source) should not parse")
            return
        }
        #expect(failure.errors.count == 1)
        #expect(failure.errors.first?.column == column)
        #expect(failure.errors.first?.message.contains(message) == true, "\(failure.errors)")
    }

    private func render(_ expression: ConditionExpression) -> String {
        switch expression {
        case .literal(let value, _): return render(value)
        case .path(let components, _): return components.joined(separator: ".")
        case .list(let elements, _): return "[" + elements.map(render).joined(separator: ", ") + "]"
        case .not(let operand, _): return "not(\(render(operand)))"
        case .negate(let operand, _): return "neg(\(render(operand)))"
        case .binary(let op, let left, let right, _): return "\(op.rawValue)(\(render(left)), \(render(right)))"
        }
    }

    private func render(_ value: ConditionValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .number(let number): number == number.rounded() ? String(Int(number)) : String(number)
        case .string(let text): "\"\(text)\""
        case .list(let values): "[" + values.map(render).joined(separator: ", ") + "]"
        }
    }
}
