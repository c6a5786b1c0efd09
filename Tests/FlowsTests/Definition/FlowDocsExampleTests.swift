import Flows
import Foundation
import Testing

@Suite("docs/flows.md")
struct FlowDocsExampleTests {
    @Test func theAnnotatedExampleIsAValidFlow() throws {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("docs/flows.md").path), root.path != "/" {
            root = root.deletingLastPathComponent()
        }
        let docs = root.appendingPathComponent("docs/flows.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let flow = try FlowDefinition.parse(String(text[start.upperBound..<end.lowerBound]))
        #expect(flow.id == "review-request")
        #expect(flow.steps.count == 4)
    }
}
