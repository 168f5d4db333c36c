package dev.azid.internal.devtools;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a developer tool's argument list so that no value can be read as an option: the words of
 * ours ({@code account}, {@code --output}) are added as they are, and each value is attached to its
 * option with {@code =} ({@code --scope=V}, which both the Azure CLI's and azd's parsers read as
 * the value of {@code --scope} whatever it holds) and, as a second guard, refused if it is empty,
 * starts with {@code -} or holds a control character. The callers validate values against their
 * allow-lists first, with messages naming the setting; the refusals here are the last line.
 */
final class ToolArguments {

    private final String credentialName;
    private final List<String> args = new ArrayList<>();

    /**
     * Starts a list.
     *
     * @param credentialName the credential, for messages
     * @param words the tool's first words, e.g. {@code account get-access-token}
     */
    ToolArguments(String credentialName, String... words) {
        this.credentialName = credentialName;
        args.addAll(List.of(words));
    }

    /**
     * Adds words of ours.
     *
     * @param words fixed flags and their fixed values, e.g. {@code --output json}
     * @return this
     */
    ToolArguments fixed(String... words) {
        args.addAll(List.of(words));
        return this;
    }

    /**
     * Adds {@code option=value}.
     *
     * @param option the long option, e.g. {@code --scope}
     * @param value the value
     * @return this
     * @throws IllegalArgumentException if the value could be taken for an option
     */
    ToolArguments option(String option, String value) {
        args.add(option + "=" + checked(option, value));
        return this;
    }

    /**
     * Adds a value on its own, after a fixed option that takes it (for tools without {@code =}
     * syntax, such as {@code pwsh -EncodedCommand}).
     *
     * @param option the option it belongs to, for the message
     * @param value the value
     * @return this
     * @throws IllegalArgumentException if the value could be taken for an option
     */
    ToolArguments value(String option, String value) {
        args.add(checked(option, value));
        return this;
    }

    /** @return the arguments, after the program */
    List<String> list() {
        return List.copyOf(args);
    }

    private String checked(String option, String value) {
        if (!isSafeValue(value)) {
            throw new IllegalArgumentException(credentialName + ": the value for " + option + " is empty, starts with '-' "
                    + "or holds a control character, so the tool could read it as an option. Pass a valid value.");
        }
        return value;
    }

    /**
     * Whether a value can go to a tool: non-empty, not starting with {@code -} (nor with a
     * whitespace that a tool might strip before a {@code -}), and without control characters.
     *
     * @param value the value
     * @return whether it is safe
     */
    static boolean isSafeValue(String value) {
        if (value == null || value.isEmpty() || value.charAt(0) == '-' || Character.isWhitespace(value.charAt(0))) {
            return false;
        }
        return value.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
