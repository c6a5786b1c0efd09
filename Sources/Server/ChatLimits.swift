/// How often the visitors' chat API may be called: per visitor (of a tenant) and per network address, each a token
/// bucket of `perSecond` tokens a second up to `burst`.
public struct ChatLimits: Sendable, Equatable {
    public var visitorPerSecond = 0.5
    public var visitorBurst = 20.0
    public var addressPerSecond = 2.0
    public var addressBurst = 60.0

    public init() {}
}
