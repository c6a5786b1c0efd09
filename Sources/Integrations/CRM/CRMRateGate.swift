import AutopilotCore
import Foundation

/// Paces one CRM's requests through a token bucket: `acquire()` returns when a request may go, waiting with the injected
/// sleeper (a real sleep live; tests move a manual clock instead).
public actor CRMRateGate {
    private var bucket: TokenBucket
    private let clock: any Clock
    private let sleep: @Sendable (TimeInterval) async throws -> Void
    /// Seconds spent waiting for tokens, in total.
    public private(set) var waited: TimeInterval = 0

    public init(bucket: TokenBucket, clock: any Clock, sleep: @escaping @Sendable (TimeInterval) async throws -> Void) {
        self.bucket = bucket
        self.clock = clock
        self.sleep = sleep
    }

    public func acquire() async throws {
        while true {
            let wait = bucket.take(now: clock.now())
            if wait <= 0 { return }
            waited += wait
            try await sleep(wait)
        }
    }
}
