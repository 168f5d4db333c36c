package dev.azid;

/**
 * The pages the browser shows when an {@link InteractiveBrowserCredential} sign-in comes back to
 * the local listener, instead of azid's own (as {@code azure-identity}'s
 * {@code BrowserCustomizationOptions} with its HTML success and error messages).
 *
 * <pre>{@code
 * InteractiveBrowserCredential.builder()
 *         .browserCustomizationOptions(new BrowserCustomizationOptions(
 *                 "<html><body><h1>Signed in to Contoso</h1></body></html>",
 *                 "<html><body><h1>Sign-in failed</h1><p>{0}: {1}</p></body></html>"))
 *         .build();
 * }</pre>
 *
 * @param htmlMessageSuccess the HTML document shown after a successful sign-in, or {@code null} for azid's page
 * @param htmlMessageError the HTML document shown when Entra ID returned an error, or {@code null} for azid's
 *     page; {@code {0}} is replaced by the OAuth {@code error} and {@code {1}} by its description, both
 *     HTML-escaped (they come from the redirect, which anyone on the machine could forge)
 */
public record BrowserCustomizationOptions(String htmlMessageSuccess, String htmlMessageError) {
}
