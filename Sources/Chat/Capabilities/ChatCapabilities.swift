/// What the chat agent can reach beyond the conversation: orders, stock, the knowledge base, callbacks and the team.
/// `ConversationService` builds the defaults over the store; the lead plugs the real services in here.
public struct ChatCapabilities: Sendable {
    public var orders: any OrderLookup
    public var stock: any ProductStockChecking
    public var knowledge: any KnowledgeSearching
    public var callbacks: any CallbackBooking
    public var handOff: any HandOff
    /// Free-form answers from the knowledge base (a language model when configured).
    public var answers: any AnswerWriting
    /// The visitor's mood read by a language model when configured (the offline lexicon otherwise).
    public var mood: any MoodReading

    public init(
        orders: any OrderLookup, stock: any ProductStockChecking, knowledge: any KnowledgeSearching = NoKnowledgeBase(),
        callbacks: any CallbackBooking = NoCallbackBooking(), handOff: any HandOff = NoHandOffNotice(),
        answers: any AnswerWriting = NoAnswerWriter(), mood: any MoodReading = LexiconMood()
    ) {
        self.orders = orders
        self.stock = stock
        self.knowledge = knowledge
        self.callbacks = callbacks
        self.handOff = handOff
        self.answers = answers
        self.mood = mood
    }
}
