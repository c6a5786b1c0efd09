/// What the chat agent can reach beyond the conversation: orders, stock, the knowledge base, callbacks and the team.
/// `ConversationService` builds the defaults over the store; the lead plugs the real services in here.
public struct ChatCapabilities: Sendable {
    public var orders: any OrderLookup
    public var stock: any ProductStockChecking
    public var knowledge: any KnowledgeSearching
    public var callbacks: any CallbackBooking
    public var handOff: any HandOff

    public init(
        orders: any OrderLookup, stock: any ProductStockChecking, knowledge: any KnowledgeSearching = NoKnowledgeBase(),
        callbacks: any CallbackBooking = NoCallbackBooking(), handOff: any HandOff = NoHandOffNotice()
    ) {
        self.orders = orders
        self.stock = stock
        self.knowledge = knowledge
        self.callbacks = callbacks
        self.handOff = handOff
    }
}
