namespace LiveGrains.Simulation;

/// <summary>Names and products of the simulated world.</summary>
internal static class Catalog
{
    public static readonly string[] FirstNames =
        ["Maya", "Omar", "Lena", "Kai", "Sofia", "Noah", "Ava", "Leo", "Mia", "Ethan", "Zara", "Ivy", "Theo", "Nina", "Ruby",
         "Jade", "Luca", "Aria", "Finn", "Chloe", "Isla", "Mateo", "Hana", "Yara", "Ezra", "Lila", "Amir", "Nora", "Remy", "Tess"];

    public static readonly string[] Handles =
        ["Beauty", "Style", "Kitchen", "Gadgets", "Home", "Glow", "Fit", "Deals", "Closet", "Studio", "Picks", "Live", "Finds", "Shop"];

    public static readonly string[] AgencyNames = ["Northwind Creators", "Bright Lane Media", "Coral Street Agency", "Summit Talent", "Blue Harbor Live"];

    public static readonly (string Name, decimal Price)[] Products =
    [
        ("Hydrating serum 30 ml", 24.90m), ("Matte lipstick set", 18.50m), ("Wireless earbuds", 39.99m), ("Cast-iron skillet", 34.00m),
        ("Yoga mat", 22.00m), ("LED ring light", 27.80m), ("Linen shirt", 29.95m), ("Stainless tumbler", 15.99m),
        ("Silk pillowcase", 21.00m), ("Phone tripod", 12.49m), ("Vitamin C cream", 19.90m), ("Knit cardigan", 44.00m),
        ("Air fryer 4 L", 69.00m), ("Bamboo towels (2)", 16.75m), ("Hair clips (6)", 8.99m), ("Running socks (3)", 11.50m),
    ];

    public static readonly string[] Comments =
        ["Love this!", "How much is shipping?", "Does it come in blue?", "Just ordered 🛒", "Is the sale still on?", "What size are you wearing?",
         "Can you show the back?", "Great price", "Hi from Texas 👋", "Restock please!", "Is it waterproof?", "Mine arrived yesterday, so good",
         "Code not working?", "Second one for my mom", "How long does the battery last?", "This is my third live today 😂", "Link please"];

    public static readonly string[] Regions = ["US", "US", "US", "GB", "CA", "AU", "DE", "FR", "MX", "PH", "MY", "SG"];

    public static readonly (string Policy, string Reason)[] Violations =
    [
        ("Prohibited products", "Showing a product that is restricted on the platform"),
        ("Misleading claims", "Claiming medical benefits for a cosmetic product"),
        ("Off-platform transactions", "Directing viewers to pay outside the shop"),
        ("Minor safety", "A minor appears on camera without a guardian"),
        ("Price manipulation", "Raising the list price before a discount"),
    ];
}
