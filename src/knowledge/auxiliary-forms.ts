import words from './lexicon/auxiliary-forms.json' with { type: 'json' };

/** The forms of English auxiliaries (lexicon/auxiliary-forms.json), lower case. */
export function loadAuxiliaryForms(): readonly string[] {
  return words.forms;
}
