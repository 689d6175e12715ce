using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DuLuan.Infrastructure;

/// <summary>
/// The framework's own validation and model-binding messages ("The View field is required.", "The value 'x' is not
/// valid for Date.") in the request's language, through the same strings as the rest of the UI.
/// </summary>
public sealed class FrameworkMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var m = options.ModelBindingMessageProvider;
        m.SetMissingBindRequiredValueAccessor(name => l["Validation.Required", name]);
        m.SetMissingKeyOrValueAccessor(() => l["Validation.ValueRequired"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.BodyRequired"]);
        m.SetValueMustNotBeNullAccessor(value => l["Validation.ValueRequired"]);
        m.SetAttemptedValueIsInvalidAccessor((value, name) => l["Validation.ValueInvalidFor", value, name]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Validation.ValueInvalid", value]);
        m.SetUnknownValueIsInvalidAccessor(name => l["Validation.UnknownValueInvalidFor", name]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.UnknownValueInvalid"]);
        m.SetValueIsInvalidAccessor(value => l["Validation.ValueInvalid", value]);
        m.SetValueMustBeANumberAccessor(name => l["Validation.Number", name]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.NumberUnnamed"]);
        options.ModelMetadataDetailsProviders.Add(new DefaultValidationKeys());
    }

    /// <summary>
    /// Gives every validation attribute without its own message (including the [Required] the framework adds to
    /// non-nullable properties) a resource key, so the data-annotations localizer translates it.
    /// </summary>
    private sealed class DefaultValidationKeys : IValidationMetadataProvider
    {
        private static readonly Dictionary<Type, string> Keys = new()
        {
            [typeof(RequiredAttribute)] = "Validation.Required",
            [typeof(StringLengthAttribute)] = "Validation.Length",
            [typeof(MaxLengthAttribute)] = "Validation.TooLong",
            [typeof(EmailAddressAttribute)] = "Validation.Email",
            [typeof(RangeAttribute)] = "Validation.Range",
            [typeof(CompareAttribute)] = "Validation.Confirm",
            [typeof(RegularExpressionAttribute)] = "Validation.Pattern",
        };

        public void CreateValidationMetadata(ValidationMetadataProviderContext context)
        {
            foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
            {
                if (attribute.ErrorMessage is null && attribute.ErrorMessageResourceName is null && Keys.TryGetValue(attribute.GetType(), out var key))
                {
                    attribute.ErrorMessage = key;
                }
            }
        }
    }
}
