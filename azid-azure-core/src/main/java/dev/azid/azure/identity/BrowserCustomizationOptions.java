package dev.azid.azure.identity;

/**
 * The pages the interactive browser credential shows after sign-in, as
 * {@code com.azure.identity.BrowserCustomizationOptions}: HTML documents, shown by
 * {@code dev.azid.InteractiveBrowserCredential} instead of its own pages (see
 * {@link InteractiveBrowserCredentialBuilder#browserCustomizationOptions}). Not thread-safe.
 */
public final class BrowserCustomizationOptions {

    private String successMessage;
    private String errorMessage;

    /** Creates options with no custom message. */
    public BrowserCustomizationOptions() {
    }

    /**
     * Sets the page shown after a successful sign-in.
     *
     * @param successMessage the message
     * @return these options
     */
    public BrowserCustomizationOptions setSuccessMessage(String successMessage) {
        this.successMessage = successMessage;
        return this;
    }

    /**
     * Sets the page shown after a failed sign-in.
     *
     * @param errorMessage the message
     * @return these options
     */
    public BrowserCustomizationOptions setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
        return this;
    }

    /** @return the success message, or {@code null} */
    public String getSuccessMessage() {
        return successMessage;
    }

    /** @return the error message, or {@code null} */
    public String getErrorMessage() {
        return errorMessage;
    }
}
