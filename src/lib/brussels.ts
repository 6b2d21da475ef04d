/** The French-speaking Brussels line the municipality answer names for Brussels, in every language. */
export const brusselsFrenchLine = { name: 'Écoute Violences Conjugales', number: '0800 30 030' } as const;
