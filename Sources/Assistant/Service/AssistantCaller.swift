import Tools

/// Who talks with MAX: a dashboard user (sees only their own conversations) or an API key (sees the tenant's), and
/// whether they may only read (a viewer, a read-only key: tools that change things are not offered, drafts never run).
public struct AssistantCaller: Sendable, Hashable {
    public var tenantID: String
    /// `user` or `api_key`, and the user's id or the key's prefix: together the conversations' owner.
    public var kind: ToolCaller.Kind
    public var id: String
    /// How drafts and tool calls record who acted: the user's email, the key's prefix.
    public var name: String
    public var readOnly: Bool

    public init(tenantID: String, kind: ToolCaller.Kind, id: String, name: String, readOnly: Bool) {
        self.tenantID = tenantID
        self.kind = kind
        self.id = id
        self.name = name
        self.readOnly = readOnly
    }

    /// A dashboard user.
    public static func user(tenantID: String, userID: String, email: String, readOnly: Bool) -> AssistantCaller {
        AssistantCaller(tenantID: tenantID, kind: .user, id: userID, name: email, readOnly: readOnly)
    }

    /// An API key of the tenant.
    public static func apiKey(tenantID: String, prefix: String, readOnly: Bool) -> AssistantCaller {
        AssistantCaller(tenantID: tenantID, kind: .apiKey, id: prefix, name: prefix, readOnly: readOnly)
    }

    /// The owner recorded on the conversations this caller starts: `user:us_…`, `api_key:ap_…`.
    public var owner: String { "\(kind.rawValue):\(id)" }

    /// An API key acts for the whole tenant and sees every conversation of it; a user sees their own.
    var seesWholeTenant: Bool { kind != .user }

    var toolCaller: ToolCaller { ToolCaller(kind: kind, name: name, readOnly: readOnly) }

    /// Whether this caller may see a conversation whose owner is `owner`.
    func sees(owner: String) -> Bool { seesWholeTenant || owner == self.owner }
}
