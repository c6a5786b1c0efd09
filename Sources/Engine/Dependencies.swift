import AutopilotCore
import Logging
import Storage

/// What the engine needs from the outside world, gathered in one place and passed in (never looked up).
public struct Dependencies: Sendable {
    public var store: any AutopilotStore
    public var clock: any Clock
    public var ids: any IDGenerator
    public var logger: Logger
    /// The language-model gateway; offline (and recorded in the store) unless the composition root builds it from keys.
    public var ai: AIServices

    public init(
        store: any AutopilotStore, clock: any Clock = SystemClock(), ids: (any IDGenerator)? = nil, logger: Logger = Logger(label: "autopilot"),
        ai: AIServices? = nil
    ) {
        self.store = store
        self.clock = clock
        self.ids = ids ?? RandomIDGenerator(clock: clock)
        self.logger = logger
        self.ai = ai ?? .offline(store: store, clock: clock)
    }
}
