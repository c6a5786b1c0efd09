import AutopilotCore
import Content
import Engine
import Flows
import Integrations

/// Everything a tool runs with: the one tenant it may see, the engine's dependencies, who is calling, and the
/// process settings some operations read (sending rules, supplier routing, message prices).
public struct ToolContext: Sendable {
    public let tenantID: String
    public let dependencies: Dependencies
    public let caller: ToolCaller
    public var settings: ToolSettings

    public init(tenantID: String, dependencies: Dependencies, caller: ToolCaller, settings: ToolSettings = ToolSettings()) {
        self.tenantID = tenantID
        self.dependencies = dependencies
        self.caller = caller
        self.settings = settings
    }
}

/// Who calls a tool, for the record and for what it may do: an API key (MCP over HTTP), the command line (MCP over
/// stdio), a dashboard user through the assistant, a visitor through the chat agent.
public struct ToolCaller: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case apiKey = "api_key"
        case commandLine = "command_line"
        case user
        case visitor
    }

    public var kind: Kind
    /// The key's prefix (`ap_abcd`), the user's email, the visitor's id.
    public var name: String
    /// A read-only caller is offered only tools that change nothing, and is refused the others.
    public var readOnly: Bool

    public init(kind: Kind, name: String, readOnly: Bool = false) {
        self.kind = kind
        self.name = name
        self.readOnly = readOnly
    }

    /// `api_key:ap_abcd`, `user:ana@example.com`: how a message or draft records who asked for it.
    public var description: String { "\(kind.rawValue):\(name)" }
}

/// Process settings the tools read, from the server's configuration (the defaults otherwise).
public struct ToolSettings: Sendable {
    /// The smart-sending rules `send_message` checks a message against before queuing it (the dispatcher checks again).
    public var sendingRules: SmartSendingSettings
    /// How `check_order_status` splits an order's lines between suppliers.
    public var supplierRouting: OrderRoutingTable
    /// What a message costs, for `weekly_report`'s ROI lines.
    public var messagePrices: MessagePrices
    /// Stripe, for `create_payment_link` (nil: the tool answers that payment links are not set up).
    public var stripe: StripeSettings?

    public init(
        sendingRules: SmartSendingSettings = SmartSendingSettings(), supplierRouting: OrderRoutingTable = .defaults,
        messagePrices: MessagePrices = MessagePrices(), stripe: StripeSettings? = nil
    ) {
        self.sendingRules = sendingRules
        self.supplierRouting = supplierRouting
        self.messagePrices = messagePrices
        self.stripe = stripe
    }
}
