package cms.esnode;

import java.util.Map;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * The analysis components the CMS's index settings name, from Lucene's lucene-analysis-common
 * (a dependency of the server jar). Elasticsearch's own analysis-common module, which registers
 * them in a distribution, is not published to Maven Central.
 *
 * Filters: asciifolding, stemmer (language light_spanish or spanish), ngram, edge_ngram.
 * Tokenizers: ngram, edge_ngram. "stop" (with _spanish_), "lowercase" and "standard" are the server's.
 */
public class SpanishAnalysisPlugin extends Plugin implements AnalysisPlugin {

    /** A filter factory from a name and a function of the token stream. */
    private record Filter(String name, java.util.function.UnaryOperator<TokenStream> wrap, boolean normalizes)
        implements TokenFilterFactory {
        @Override
        public TokenStream create(TokenStream tokenStream) {
            return wrap.apply(tokenStream);
        }

        @Override
        public TokenStream normalize(TokenStream tokenStream) {
            return normalizes ? wrap.apply(tokenStream) : tokenStream;
        }
    }

    private static int minGram(Settings settings, int byDefault) {
        return settings.getAsInt("min_gram", byDefault);
    }

    private static int maxGram(Settings settings, int byDefault) {
        return settings.getAsInt("max_gram", byDefault);
    }

    /** Elasticsearch refuses n-gram ranges wider than index.max_ngram_diff; so does this node. */
    private static void checkNgramDiff(IndexSettings indexSettings, String name, int min, int max) {
        int allowed = indexSettings.getMaxNgramDiff();
        if (max - min > allowed) {
            throw new IllegalArgumentException(
                "The difference between max_gram and min_gram in NGram Tokenizer must be less than or equal to: ["
                    + allowed + "] but was [" + (max - min) + "] (" + name + "). This limit can be set by changing the ["
                    + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey() + "] index level setting."
            );
        }
    }

    private static TokenFilterFactory stemmer(String name, Settings settings) {
        // Elasticsearch's default language is English (Porter); it is also what a stemmer gets
        // when the node builds its settings-less global instance.
        String language = settings.get("language", settings.get("name", "english"));
        return switch (language) {
            case "english", "porter" -> new Filter(name, PorterStemFilter::new, false);
            case "light_spanish" -> new Filter(name, SpanishLightStemFilter::new, false);
            case "spanish" -> new Filter(name, in -> new SnowballFilter(in, new SpanishStemmer()), false);
            default -> throw new IllegalArgumentException(
                "stemmer language [" + language + "] is not available on this node (light_spanish, spanish, english)"
            );
        };
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "asciifolding",
            (indexSettings, env, name, settings) -> {
                boolean preserveOriginal = settings.getAsBoolean("preserve_original", false);
                return new Filter(name, in -> new ASCIIFoldingFilter(in, preserveOriginal), true);
            },
            "stemmer",
            (indexSettings, env, name, settings) -> stemmer(name, settings),
            "ngram",
            (indexSettings, env, name, settings) -> {
                int min = minGram(settings, 1), max = maxGram(settings, 2);
                checkNgramDiff(indexSettings, name, min, max);
                boolean preserve = settings.getAsBoolean("preserve_original", false);
                return new Filter(name, in -> new NGramTokenFilter(in, min, max, preserve), false);
            },
            "edge_ngram",
            (indexSettings, env, name, settings) -> {
                int min = minGram(settings, 1), max = maxGram(settings, 2);
                boolean preserve = settings.getAsBoolean("preserve_original", false);
                return new Filter(name, in -> new EdgeNGramTokenFilter(in, min, max, preserve), false);
            }
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "ngram",
            (indexSettings, env, name, settings) -> {
                int min = minGram(settings, 1), max = maxGram(settings, 2);
                checkNgramDiff(indexSettings, name, min, max);
                return TokenizerFactory.newFactory(name, () -> (Tokenizer) new NGramTokenizer(min, max));
            },
            "edge_ngram",
            (indexSettings, env, name, settings) -> {
                int min = minGram(settings, 1), max = maxGram(settings, 2);
                return TokenizerFactory.newFactory(name, () -> (Tokenizer) new EdgeNGramTokenizer(min, max));
            }
        );
    }
}
