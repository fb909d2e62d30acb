import { UsageError } from '../../errors.js';
import { positiveInt } from '../cli-arguments.js';
import type { DefineCommand } from '../cli-context.js';

const print = (lines: readonly string[]): void => {
  process.stdout.write(`${lines.join('\n')}\n`);
};

/**
 * `dossier eval <task>`: each scores Dossier on a standard gold format and prints the
 * standard metrics, the last line being `eval <task> key=value ...`. Modules load on use, so
 * the rest of the CLI starts without the models.
 */
export const define: DefineCommand = (evalCommand, context) => {
  evalCommand
    .command('extract')
    .description('Article-body extraction on a folder with ground-truth.json and html/ (shingle F1)')
    .argument('<dir>')
    .action(async (dir: string) => {
      const { formatExtractEvalLine, runExtractEval } = await import('../../eval/extract-eval.js');
      print([formatExtractEvalLine(await runExtractEval(dir))]);
    });
  evalCommand
    .command('ner')
    .description('Named entities on CoNLL-2003 (IOB1) data: entity-level P/R/F1 per type and micro')
    .requiredOption('--conll <file>', 'a CoNLL-2003 file such as eng.testa')
    .option('--types <list>', 'comma-separated types to score, e.g. PER,LOC,ORG')
    .action(async (opts: { conll: string; types?: string }) => {
      const { formatNerEvalLines, runNerEval } = await import('../../eval/ner-eval.js');
      const types = opts.types?.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean);
      for (const t of types ?? []) if (!['PER', 'LOC', 'ORG', 'MISC'].includes(t)) throw new UsageError(`unknown type "${t}"; one of PER, LOC, ORG, MISC`);
      print(formatNerEvalLines(await runNerEval(opts.conll, types ? { types } : {})));
    });
  evalCommand
    .command('time')
    .description('Temporal expressions on TimeML (TempEval-3): strict/relaxed extent F1, type accuracy, value F1')
    .requiredOption('--timeml <path>', 'a .tml file or a folder of them')
    .action(async (opts: { timeml: string }) => {
      const { formatTimeEvalLines, runTimeEval } = await import('../../eval/time-eval.js');
      const scores = await runTimeEval(opts.timeml);
      for (const e of scores.rejected) process.stderr.write(`error: ${e.message} [${e.code}]\n`);
      print(formatTimeEvalLines(scores));
      if (scores.rejected.length > 0) context.someInputsFailed();
    });
  evalCommand
    .command('events')
    .description('Event coding: PLOVER GSR (type/mode/actor accuracy), PETRARCH-2 or GSR validation (triples), or Dossier gold (P/R, fields)')
    .option('--plover <file>', 'PLOVER gold-standard records (JSON array)')
    .option('--petrarch <file>', 'PETRARCH-2 validation records (.jsonl or .xml); loads the validation actor dictionary beside them')
    .option('--gsr <file>', 'real-world PETRARCH-2 validation records (.jsonl or .xml)')
    .option('--gold <file>', 'Dossier event gold over Reuters-21578 and JSONL stories (test/fixtures/event-gold/conflict-100.json)')
    .option('--dictionary <file>', 'PETRARCH actor dictionary for --petrarch (default: ../dictionaries/PETR.Validate.actors.txt beside the records)')
    .option('--corpus <dir>', 'the folder the --gold stories\' files are relative to (default: the gold file\'s "corpus" path)')
    .option('--registry <file...>', 'extra actor registry files (YAML or JSON)')
    .option('--errors', 'with --gold: list every missed, spurious and partly wrong event (sentence, gold, prediction) before the figures')
    .action(async (opts: { plover?: string; petrarch?: string; gsr?: string; gold?: string; dictionary?: string; corpus?: string; registry?: string[]; errors?: boolean }) => {
      const sets = (['plover', 'petrarch', 'gsr', 'gold'] as const).filter((k) => opts[k] !== undefined);
      const kind = sets[0];
      if (kind === undefined || sets.length > 1) throw new UsageError('give exactly one of --plover, --petrarch, --gsr, --gold');
      const { formatEventEvalLines, runEventEval } = await import('../../eval/event-eval.js');
      const scores = await runEventEval(kind, opts[kind] ?? '', {
        ...(opts.registry ? { registryFiles: opts.registry } : {}),
        ...(opts.dictionary ? { actorDictionary: opts.dictionary } : {}),
        ...(opts.corpus ? { corpusDir: opts.corpus } : {}),
      });
      print(formatEventEvalLines(scores, { errors: opts.errors === true }));
    });
  evalCommand
    .command('coref')
    .description('Event coreference on ECB+ with gold mentions (validated sentences): MUC, B3, CEAF-e, CoNLL F1, and the same-lemma baseline')
    .requiredOption('--ecbplus <dir>', 'the ECB+ folder (XML documents and ECBplus_coreference_sentences.csv)')
    .option('--topics <list>', 'comma-separated topics to evaluate, e.g. the dev split 2,5,12,18,21,23,34,35')
    .action(async (opts: { ecbplus: string; topics?: string }) => {
      const topics = opts.topics?.split(',').map((t) => t.trim()).filter(Boolean);
      for (const t of topics ?? []) if (!/^\d+$/.test(t)) throw new UsageError(`topic "${t}" is not a number`);
      const { formatCorefEvalLines, runCorefEval } = await import('../../eval/coref-eval.js');
      print(formatCorefEvalLines(await runCorefEval(opts.ecbplus, topics ? { topics } : {})));
    });
  evalCommand
    .command('parse')
    .description('Tagging, lemmas and dependencies on CoNLL-U (UD), scored as the CoNLL 2018 shared task: UPOS, XPOS, lemma, UAS, LAS')
    .requiredOption('--conllu <file>', 'a CoNLL-U file such as en_ewt-ud-test.conllu')
    .option('--raw', 'from the running text (# text) through Dossier\'s tokenizer and sentence splitter; adds token, sentence and word F1')
    .option('--limit <n>', 'score the first n sentences only', positiveInt)
    .option('--json', 'print the scores as JSON')
    .action(async (opts: { conllu: string; raw?: boolean; limit?: number; json?: boolean }) => {
      if (opts.limit === 0) throw new UsageError('--limit must be at least 1');
      const { formatParseEvalJson, formatParseEvalLines, runParseEval } = await import('../../eval/parse-eval.js');
      const result = await runParseEval(opts.conllu, { raw: opts.raw === true, ...(opts.limit === undefined ? {} : { limit: opts.limit }) });
      print(opts.json ? [formatParseEvalJson(result)] : formatParseEvalLines(result));
    });
  evalCommand
    .command('records')
    .description('Event records on a multi-outlet folder (articles.jsonl, gold.json): events found, records per event, article B3, witnesses, contradictions, copies')
    .argument('<dir>', 'a folder with articles.jsonl and gold.json')
    .option('--keep-db <file>', 'build the store in this new SQLite file and keep it (to look at with other dossier commands), not in a temporary one')
    .option('--json', 'print the per-event details and the summary as JSON')
    .action(async (dir: string, opts: { keepDb?: string; json?: boolean }) => {
      const [{ runRecordsEval }, { formatRecordsEvalJson, formatRecordsEvalLines }] = await Promise.all([import('../../eval/records-system.js'), import('../../eval/records-eval.js')]);
      const report = await runRecordsEval(dir, opts.keepDb === undefined ? {} : { keepDb: opts.keepDb });
      print(opts.json ? [formatRecordsEvalJson(report)] : formatRecordsEvalLines(report));
    });
  evalCommand
    .command('geo')
    .description('Geocoding on GeoWebNews, LGL, TR-News or GeoVirus XML: accuracy@161 km, mean/median error, AUC')
    .argument('<path>', 'a dataset file or a folder of them')
    .option('--end-to-end', 'find the toponyms too (adds toponym_f1); default: gold toponyms given')
    .option('--cv', 'leave one corpus out: fit the resolver weights on the other corpora, score the one left out (gold toponyms)')
    .action(async (path: string, opts: { endToEnd?: boolean; cv?: boolean }) => {
      if (opts.cv === true) {
        if (opts.endToEnd === true) throw new UsageError('--cv scores resolution on gold toponyms; drop --end-to-end');
        const { formatGeoCrossValidationLines, runGeoCrossValidation } = await import('../../eval/geo-cross-validation.js');
        print(formatGeoCrossValidationLines(await runGeoCrossValidation(path)));
        return;
      }
      const { formatGeoEvalLines, runGeoEval } = await import('../../eval/geo-eval.js');
      print(formatGeoEvalLines(await runGeoEval(path, { endToEnd: opts.endToEnd === true })));
    });
};
