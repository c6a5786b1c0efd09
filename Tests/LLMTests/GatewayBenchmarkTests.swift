import AutopilotCore
import Foundation
import LLM
import Testing

/// Runs only with LLM_BENCHMARK=1 (best in release: `LLM_BENCHMARK=1 swift test -c release --filter GatewayBenchmarkTests`).
@Suite("Gateway benchmark")
struct GatewayBenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LLM_BENCHMARK"] == "1"))
    func throughputAndOverhead() async throws {
        let answer = OpenAIChatFormatTests.completion(content: "Your cart is waiting: two items kept for you until Sunday.")
        let fixed = FakeAnswer(body: answer.jsonString)
        let result = try await FakeProviderServer.with(keepsRequests: false, { _, _ in fixed }) { server in
            try await GatewayBenchmark.run(baseURL: server.baseURL)
        }
        print("BENCHMARK \(result)")
        #expect(result.failedCalls == 0)
        #expect(result.overheadMicroseconds < 1000)
    }
}
