import AutopilotCore
import Foundation
import LLM

/// The engine's clock as the gateway reads it: deadlines, cooldowns and budget months follow `Dependencies.clock`
/// (a manual clock in tests); waits between retries are real sleeps.
struct EngineLLMClock: LLMClock {
    let clock: any Clock

    init(_ clock: any Clock) {
        self.clock = clock
    }

    var now: Date { clock.now() }

    func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
