import Flows
import Foundation
import Testing

@Suite("Experiment assignment: stable per (flow, contact), in proportion to the weights")
struct FlowAssignmentTests {
    static func split(_ weights: [Double]) -> SplitStep {
        SplitStep(variants: weights.enumerated().map { FlowVariant(id: "v\($0.offset)", weight: $0.element, steps: []) })
    }

    @Test(arguments: [[50.0, 50], [20, 30, 50], [90, 10], [1, 1, 1, 1]])
    func variantsFollowTheirWeightsOver100000Contacts(weights: [Double]) {
        let split = Self.split(weights)
        var counts: [String: Int] = [:]
        for index in 0..<100_000 {
            let variant = FlowAssignment.variant(of: split, flowID: "abandoned-cart", contactID: "ct_\(index)")
            counts[variant?.id ?? "none", default: 0] += 1
        }
        let total = weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            let share = Double(counts["v\(index)"] ?? 0) / 100_000 * 100
            #expect(abs(share - weight / total * 100) <= 1, "variant v\(index): \(share) % for a weight of \(weight / total * 100) %")
        }
        #expect(counts["none"] == nil)
    }

    @Test(arguments: [5.0, 10, 25, 50])
    func holdoutsHoldTheirShareOver100000Contacts(percent: Double) {
        var flow = 0
        var tenant = 0
        for index in 0..<100_000 {
            if FlowAssignment.isHeldOut(flowID: "win-back", contactID: "ct_\(index)", percent: percent) { flow += 1 }
            if FlowAssignment.isInTenantHoldout(contactID: "ct_\(index)", percent: percent) { tenant += 1 }
        }
        #expect(abs(Double(flow) / 1000 - percent) <= 1)
        #expect(abs(Double(tenant) / 1000 - percent) <= 1)
    }

    @Test func theSameContactAlwaysTakesTheSameVariantAndFlowsAreIndependent() {
        let split = Self.split([50, 50])
        var differs = 0
        for index in 0..<1_000 {
            let first = FlowAssignment.variant(of: split, flowID: "welcome", contactID: "ct_\(index)")
            let again = FlowAssignment.variant(of: split, flowID: "welcome", contactID: "ct_\(index)")
            #expect(first == again)
            if FlowAssignment.variant(of: split, flowID: "win-back", contactID: "ct_\(index)") != first { differs += 1 }
        }
        // Another flow draws anew: about half of the contacts land elsewhere.
        #expect(differs > 400 && differs < 600)
    }

    /// Stable across processes and machines: Python's hashlib, in another process, gives the same numbers.
    @Test func theAssignmentIsSHA256AsAnotherProcessComputesIt() throws {
        let contacts = (0..<50).map { "ct_\($0 * 7919)" }
        let script = """
            import hashlib, json, sys
            contacts = json.load(sys.stdin)
            def unit(salt, flow, contact):
                digest = hashlib.sha256(f"{salt}\\x1f{flow}\\x1f{contact}".encode()).digest()
                return format(int.from_bytes(digest[:8], "big") >> 11, "x")
            print(json.dumps([[unit("split", "abandoned-cart", c), unit("holdout", "abandoned-cart", c), unit("tenant-holdout", "*", c)] for c in contacts]))
            """
        let reference = try #require(try PythonReference.run(script, input: contacts) as? [[String]])
        func hex(_ unit: Double) -> String { String(UInt64(unit * Double(UInt64(1) << 53)), radix: 16) }
        for (index, contact) in contacts.enumerated() {
            #expect(hex(FlowAssignment.unit(flowID: "abandoned-cart", contactID: contact, salt: "split")) == reference[index][0])
            #expect(hex(FlowAssignment.unit(flowID: "abandoned-cart", contactID: contact, salt: "holdout")) == reference[index][1])
            #expect(hex(FlowAssignment.unit(flowID: "*", contactID: contact, salt: "tenant-holdout")) == reference[index][2])
        }
    }
}
