extension QualificationWording {
    static let english = QualificationWording(
        questions: [
            .need: [
                "What would you most like to improve or automate?",
                "Tell me what you're looking to do: recover carts, bring customers back, something else?",
                "What's the main thing you need today?",
            ],
            .currentTools: [
                "Which tools do you use today (shop, emailing, CRM)?",
                "What are you working with at the moment? Shopify, Klaviyo, a CRM…?",
                "Which platform runs your shop, and which emailing tool do you use?",
            ],
            .timeline: [
                "When would you like to get started?",
                "When are you thinking of starting: this month, in a few months?",
                "Do you have a date in mind to get going?",
            ],
            .authority: [
                "Will you be the one making the decision?",
                "Are you the person who decides on this project?",
                "Is the final decision yours?",
            ],
            .budget: [
                "Do you have a monthly budget in mind? A range is fine.",
                "What budget are you thinking of for this, per month?",
                "Roughly how much do you plan to invest each month?",
            ],
        ],
        secondQuestions: [
            .need: ["In one sentence, what do you expect from us? For example: recovering abandoned carts."],
            .currentTools: ["Do you use Shopify, WooCommerce, something else, or nothing yet?"],
            .timeline: ["Right away, within the month, this quarter, or later?"],
            .authority: ["Just so I point you the right way: do you decide (yes or no)?"],
            .budget: ["Even a rough monthly figure would help. You can also skip it."],
        ],
        greeting: "Hello! I'll ask you a few quick questions so we can help you best.",
        thanks: ["Thanks!", "Got it.", "Great, thank you."],
        noProblem: ["No problem, we'll do without it.", "That's fine, let's move on."],
        resume: ["Back to your project:", "To pick up where we were:"],
        closingHot: "Thank you, I have everything I need. Someone from the team will get back to you very soon.",
        closingCold: "Thank you, I have everything I need. We'll send you a few useful resources by email.",
        intentReplies: IntentReplies(
            order: "Let me check where your order is.",
            orderWithoutNumber: "Let me check your order: what's its number?",
            stock: "Let me check the stock.",
            question: "Good question, let me find the answer.",
            callback: "Happy to, let me offer you a time for a call back.",
            person: "I'm putting you in touch with someone from the team."
        )
    )
}
