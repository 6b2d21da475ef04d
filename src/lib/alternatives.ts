/**
 * The sourced alternatives for a professional (src/content/settings/professional-alternatives.json),
 * checked against their schema at build time. The forms read the same list from directory.json.
 */
import data from '../content/settings/professional-alternatives.json';
import { professionalAlternatives as schema } from '../schemas/alternative';

export const professionalAlternatives = schema.parse(data).alternatives;
