import AutopilotCore
import Flows
import Testing

@Suite("Condition robustness")
struct ConditionRobustnessTests {
    static let fragments = [
        "cart.value", "contact.locale", "contact.tags", "contact.attributes.x", "event.rating", "contact.consents.sms", "missing.path",
        "1", "0", "2.5", "\"fr\"", "'x'", "true", "false", "null", "==", "!=", "<", "<=", ">", ">=", "and", "or", "not", "in", "+", "-",
        "*", "/", "(", ")", "[", "]", ",", ".", "=", "#", "\"",
    ]

    /// Random token soups never crash the parser or the checker, and whatever type-checks evaluates to a value.
    @Test(arguments: 0..<4)
    func randomConditionsNeverCrash(seed: UInt64) {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var compiled = 0
        for _ in 0..<2_000 {
            let text = (0..<(1 + next(9))).map { _ in Self.fragments[next(Self.fragments.count)] }.joined(separator: " ")
            guard case .success(let condition) = Condition.compile(text, schema: ConditionCheckerTests.schema) else { continue }
            compiled += 1
            _ = condition.holds(in: ConditionEvaluatorTests.scope)
            _ = condition.holds(in: [:])
        }
        #expect(compiled > 0)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 500) + "true" + String(repeating: ")", count: 500)
        guard case .failure(let failure) = Condition.parse(deep) else {
            Issue.record("deep nesting should be refused")
            return
        }
        #expect(failure.errors.first?.message == "the condition nests deeper than 32 levels")
        let nots = String(repeating: "not ", count: 200) + "true"
        #expect((try? Condition.parse(nots).get()) == nil)
        #expect((try? Condition.parse(String(repeating: "not ", count: 10) + "true").get()) != nil)
        #expect((try? Condition.parse(String(repeating: "1 + ", count: 1_000) + "1").get()) == nil)
    }

    @Test func hugeArithmeticStaysFinite() throws {
        let huge = Array(repeating: "999999999999999999999", count: 20).joined(separator: " * ")
        // The product overflows to infinity, which reads as null: neither above nor below zero.
        #expect(try Condition.parse("\(huge) > 0").get().holds(in: [:]) == false)
        #expect(try Condition.parse("\(huge) <= 0").get().holds(in: [:]) == false)
        #expect(try Condition.parse("\(huge) == null").get().holds(in: [:]))
    }
}
