package dev.azid.internal.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.test.gen.Gen;
import dev.azid.test.gen.Gens;
import dev.azid.test.gen.Property;
import org.junit.jupiter.api.Test;

/**
 * The PowerShell script's literals are injection-safe: any text, quoted, is read back by
 * PowerShell's single-quoted-string rule as exactly that text and ends where the literal ends, so
 * nothing after it can run. The reader below is that rule: inside {@code '...'} nothing expands,
 * and two quote characters in a row (any of {@code '} and U+2018 to U+201B) stand for one.
 */
class PowerShellLiteralPropertyTest {

    /** Reads a single-quoted literal from the start of code; returns its value and how far it went. */
    private static String[] read(String code) {
        assertThat(PowerShellLiteral.isQuote(code.charAt(0))).isTrue();
        StringBuilder value = new StringBuilder();
        int i = 1;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (PowerShellLiteral.isQuote(c)) {
                if (i + 1 < code.length() && PowerShellLiteral.isQuote(code.charAt(i + 1))) {
                    value.append(c);
                    i += 2;
                    continue;
                }
                return new String[] {value.toString(), String.valueOf(i + 1)};
            }
            value.append(c);
            i++;
        }
        throw new AssertionError("unterminated literal: " + code);
    }

    private static Gen<String> hostileText() {
        return Gens.oneOf(Gens.strings().all().ofMaxLength(40),
                Gens.strings().withChars("'\u2018\u2019\u201a\u201b`$()\"\n\r;|&-@{}#<>").ofMaxLength(20),
                Gens.of("'; Remove-Item -Recurse /; '", "$(Get-Process)", "`n", "'\n$x = 1\n'", "\u2019; exit; \u2018"));
    }

    @Test
    void of_anyText_readsBackAsExactlyThatTextAndEndsWithTheLiteral() {
        Property.forAll(1000, hostileText(), text -> {
            String literal = PowerShellLiteral.of(text);
            String[] read = read(literal + "; Write-Output after");
            assertThat(read[0]).isEqualTo(text);
            assertThat(Integer.parseInt(read[1])).isEqualTo(literal.length());
        });
    }

    @Test
    void of_quotesOfEveryKind_areDoubled() {
        assertThat(PowerShellLiteral.of("a'b")).isEqualTo("'a''b'");
        assertThat(PowerShellLiteral.of("x\u2019y\u2018z")).isEqualTo("'x\u2019\u2019y\u2018\u2018z'");
        assertThat(PowerShellLiteral.of("$(id)`n\n")).isEqualTo("'$(id)`n\n'");
        assertThat(PowerShellLiteral.of("")).isEqualTo("''");
    }

    @Test
    void script_hostileResourceAndTenant_stayInsideTheirLiterals() {
        String script = AzurePowerShellClient.script("https://x'; Remove-Item -Recurse /; '", "t`$(id)\n'x");
        assertThat(script).contains("ResourceUrl = 'https://x''; Remove-Item -Recurse /; '''; WarningAction = 'Ignore' }",
                "$p['TenantId'] = 't`$(id)\n''x'");
    }
}
